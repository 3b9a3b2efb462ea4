package se.samplan.benchmark;

import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import se.samplan.testkit.county.County;
import se.samplan.testkit.county.CountyDirectory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One server's round: the county loaded, then the same seeded requests whichever server it is. Sequential
 * requests first (each figure in turn, so caches and garbage collection fall on all alike): a plan by id, the
 * person's plans with their goals and care team (as the portal asks, with the person's token), an organisation's
 * open invitations, a person by personnummer, {@code _content} with å/ä/ö, {@code sip-phase},
 * {@code sip-next-follow-up}. Then {@link #CLIENTS} clients at once reading plans and, on Samplan, asking for
 * their {@code $sip-summary}; plans taken through the workflow; and plain creates as fast as they go.
 */
final class Round {

	static final int CLIENTS = 16;
	/** Unmeasured requests before a figure at {@link #CLIENTS} clients, at least: four per client. */
	static final int LEAST_UNMEASURED = 4 * CLIENTS;
	private static final String[] WORDS = {"Åberg", "Öst", "Sjögren", "Nyström", "Håkan", "Märta", "Ängla", "Örjan"};

	private final Server server;
	private final Parties parties;
	private final long seed;
	private final Figures figures = new Figures();

	Round(Server server, Issuer issuer, long seed) {
		this.server = server;
		this.parties = new Parties(server, issuer);
		this.seed = seed;
	}

	Figures county(int persons, int requests, int workflows) throws Exception {
		figures.value("startup", server.startupMillis);
		CountyDirectory directory = CountyDirectory.synthetic();
		CountyLoad.directory(server, parties, directory);
		List<CountyLoad.Person> loaded = CountyLoad.persons(server, parties, new County(directory, seed), persons, figures);
		figures.value("rss", server.residentMiB());
		figures.value("heap", server.heapAfterGcMiB());
		sequential(loaded, requests, new Random(seed + 1), new Figures());
		sequential(loaded, requests, new Random(seed + 2), figures);
		concurrent(loaded, requests, new Random(seed + 3));
		Workflow workflow = new Workflow(server, parties);
		Random random = new Random(seed + 4);
		// As every figure, after as many unmeasured: the county load used none of the workflow's code.
		for (int i = 0; i < workflows; i++) {
			workflow.plan(i % 5, random);
		}
		for (int i = 0; i < workflows; i++) {
			figures.sample("workflow", workflow.plan(i % 5, random));
		}
		creates(seed + 5);
		return figures;
	}

	/** The county loaded, then the sequential requests only. */
	Figures sequentialOnly(int persons, int requests) throws Exception {
		CountyDirectory directory = CountyDirectory.synthetic();
		CountyLoad.directory(server, parties, directory);
		List<CountyLoad.Person> loaded = CountyLoad.persons(server, parties, new County(directory, seed), persons, new Figures());
		sequential(loaded, requests, new Random(seed + 1), new Figures());
		sequential(loaded, requests, new Random(seed + 2), figures);
		return figures;
	}

	Figures startOnly() {
		figures.value("startup", server.startupMillis);
		return figures;
	}

	Figures createsOnly() throws Exception {
		CountyLoad.directory(server, parties, CountyDirectory.synthetic());
		creates(seed + 5);
		return figures;
	}

	private void sequential(List<CountyLoad.Person> loaded, int rounds, Random random, Figures into) {
		List<CountyLoad.Person> adults = loaded.stream().filter(p -> !p.child()).toList();
		List<CountyDirectory.Unit> registering = CountyDirectory.synthetic().registering();
		for (int i = 0; i < rounds; i++) {
			CountyLoad.Person p = pick(loaded, random);
			String staff = parties.token(p.registering().staff());
			into.sample("read", server.http.get("/" + p.plan(), staff).millis());

			CountyLoad.Person adult = pick(adults, random);
			String own = parties.token(adult.patient());
			into.sample("plans of a person, _include", server.http.get("/CarePlan?subject=" + adult.patient()
					+ "&_include=CarePlan:goal&_include=CarePlan:care-team&_count=20", own).millis());

			CountyLoad.Person invitedFor = pick(loaded, random);
			String org = invitedFor.invited().get(random.nextInt(invitedFor.invited().size()));
			into.sample("open invitations of an organisation", server.http.get("/Task?owner=" + org + "&status=requested&_count=20",
					parties.token(org)).millis());

			CountyLoad.Person byNumber = pick(loaded, random);
			into.sample("person by personnummer", server.http.get("/Patient?identifier=" + encode(County.PERSONNUMMER + "|" + byNumber.personnummer()),
					parties.token(byNumber.registering().staff())).millis());

			String searcher = parties.token(registering.get(random.nextInt(registering.size())).staff());
			into.sample("_content with å/ä/ö", server.http.get("/Patient?_content=" + encode(WORDS[random.nextInt(WORDS.length)]) + "&_count=20",
					searcher).millis());
			into.sample("sip-phase", server.http.get("/CarePlan?sip-phase=initiated&_count=20", searcher).millis());
			into.sample("sip-next-follow-up", server.http.get("/CarePlan?sip-next-follow-up=le" + LocalDate.now().plusDays(30 + random.nextInt(335))
					+ "&_count=20", searcher).millis());
		}
	}

	/**
	 * Each figure after as many unmeasured requests as measured, at least four per client, as the sequential figures
	 * have theirs: the summary's code is cold till then.
	 */
	private void concurrent(List<CountyLoad.Person> loaded, int requests, Random random) throws Exception {
		long[] seeds = random.longs(CLIENTS).toArray();
		long[] warmUp = random.longs(CLIENTS).toArray();
		int unmeasured = Math.max(requests, LEAST_UNMEASURED);
		at16("read, 16 clients", unmeasured, warmUp, loaded, p -> "/" + p.plan(), new Figures());
		at16("read, 16 clients", requests, seeds, loaded, p -> "/" + p.plan(), figures);
		if (!server.kind.peer()) {
			at16("$sip-summary, 16 clients", unmeasured, warmUp, loaded, p -> "/" + p.plan() + "/$sip-summary", new Figures());
			at16("$sip-summary, 16 clients", requests, seeds, loaded, p -> "/" + p.plan() + "/$sip-summary", figures);
		}
	}

	private void at16(String figure, int requests, long[] seeds, List<CountyLoad.Person> loaded,
			Function<CountyLoad.Person, String> path, Figures into) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> clients = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			Random own = new Random(seeds[c]);
			int share = requests / CLIENTS + (c < requests % CLIENTS ? 1 : 0);
			clients.add(pool.submit(() -> {
				for (int i = 0; i < share; i++) {
					CountyLoad.Person p = pick(loaded, own);
					into.sample(figure, server.http.get(path.apply(p), parties.token(p.registering().staff())).millis());
				}
				return null;
			}));
		}
		for (Future<?> c : clients) {
			c.get();
		}
		pool.shutdown();
	}

	/** Plain creates of persons by {@link #CLIENTS} clients for ten seconds: creates per second. */
	private void creates(long seed) throws Exception {
		String staff = parties.token("PractitionerRole/bench-k0-role-skoterska");
		AtomicInteger created = new AtomicInteger();
		long until = System.nanoTime() + 10_000_000_000L;
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> clients = new ArrayList<>();
		long start = System.nanoTime();
		for (int c = 0; c < CLIENTS; c++) {
			Random random = new Random(seed + c);
			clients.add(pool.submit(() -> {
				while (System.nanoTime() < until) {
					LocalDate born = LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
					Patient p = new Patient().setBirthDateElement(new DateType(born.toString()));
					p.addIdentifier().setSystem(County.PERSONNUMMER).setValue(County.personnummer(born, random.nextInt(1000)));
					p.addName().setFamily("Skapadsson").addGiven("Åsa");
					server.http.post("/Patient", staff, CountyLoad.CTX.newJsonParser().encodeResourceToString(p));
					created.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> c : clients) {
			c.get();
		}
		pool.shutdown();
		figures.value("creates", created.get() / ((System.nanoTime() - start) / 1e9));
	}

	private static <T> T pick(List<T> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
