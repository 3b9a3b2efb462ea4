package se.samplan.benchmark;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.utilities.npm.NpmPackage;
import se.samplan.profiles.SipPackage;
import se.samplan.testkit.county.County;
import se.samplan.testkit.county.CountyDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The county on a fresh server: its directory first (by the operator), then each person's transaction by the
 * backend client of the unit that registers the plan, {@link #LOADERS} at a time, as an EHR's export job sends
 * them. The peer, like any HAPI user searching by the package's extensions, first gets the package's search
 * parameters. Remembers where each person and plan ended up, for the requests that follow.
 */
final class CountyLoad {

	/** One person as stored: the ids the server gave, and what the searches ask by. */
	record Person(int index, String patient, String plan, String personnummer, String family, boolean child,
			CountyDirectory.Unit registering, List<String> invited) {}

	static final int LOADERS = 4;
	static final FhirContext CTX = FhirContext.forR4Cached();
	private static final List<String> SEARCH_PARAMETERS = List.of("SearchParameter-sip-phase.json", "SearchParameter-sip-next-follow-up.json");

	private CountyLoad() {}

	static void directory(Server server, Parties parties, CountyDirectory directory) throws IOException, InterruptedException {
		if (server.kind.peer()) {
			try (InputStream in = SipPackage.open()) {
				NpmPackage npm = NpmPackage.fromPackage(in);
				for (String file : SEARCH_PARAMETERS) {
					try (InputStream sp = npm.load("package", file)) {
						String json = new String(sp.readAllBytes(), StandardCharsets.UTF_8);
						String id = CTX.newJsonParser().parseResource(json).getIdElement().getIdPart();
						server.http.put("/SearchParameter/" + id, null, json);
					}
				}
			}
			// HAPI takes a new search parameter into use when its registry next refreshes.
			while (server.http.probe("/CarePlan?sip-next-follow-up=le2030-01-01&sip-phase=initiated") != 200) {
				Thread.sleep(500);
			}
		}
		server.http.post("", parties.token("operator"), CTX.newJsonParser().encodeResourceToString(directory.bundle()));
	}

	/** Loads {@code persons} persons; adds the load rate (resources/s) to {@code figures}. */
	static List<Person> persons(Server server, Parties parties, County county, int persons, Figures figures) throws Exception {
		List<Person> loaded = new ArrayList<>(Collections.nCopies(persons, null));
		AtomicInteger next = new AtomicInteger();
		AtomicInteger resources = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(LOADERS);
		long start = System.nanoTime();
		List<Future<?>> loaders = new ArrayList<>();
		for (int t = 0; t < LOADERS; t++) {
			loaders.add(pool.submit(() -> {
				IParser json = CTX.newJsonParser();
				while (true) {
					int i;
					County.Person person;
					synchronized (county) {
						i = next.getAndIncrement();
						if (i >= persons) {
							return null;
						}
						person = county.next();
					}
					Bundle tx = person.bundle();
					Http.Answer a = server.http.post("", parties.token(person.registering().reference()), json.encodeResourceToString(tx));
					Bundle answer = json.parseResource(Bundle.class, a.body());
					resources.addAndGet(tx.getEntry().size());
					loaded.set(i, stored(i, person, tx, answer));
				}
			}));
		}
		for (Future<?> f : loaders) {
			f.get();
		}
		pool.shutdown();
		figures.value("load", resources.get() / ((System.nanoTime() - start) / 1e9));
		return loaded;
	}

	private static Person stored(int index, County.Person person, Bundle tx, Bundle answer) {
		String patient = null;
		String plan = null;
		List<String> invited = new ArrayList<>();
		for (int e = 0; e < tx.getEntry().size(); e++) {
			String type = tx.getEntry().get(e).getResource().fhirType();
			String location = answer.getEntry().get(e).getResponse().getLocation().replaceAll("/_history/.*", "");
			if (type.equals("Patient")) {
				patient = location;
			} else if (type.equals("CarePlan")) {
				plan = location;
			} else if (tx.getEntry().get(e).getResource() instanceof Task t && !invited.contains(t.getOwner().getReference())) {
				invited.add(t.getOwner().getReference());
			}
		}
		Patient p = person.patient();
		return new Person(index, patient, plan, p.getIdentifierFirstRep().getValue(), p.getNameFirstRep().getFamily(),
				tx.getEntry().stream().anyMatch(e -> e.getResource().fhirType().equals("RelatedPerson")), person.registering(), invited);
	}
}
