package se.samplan.testkit.checks;

import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import se.samplan.testkit.Exchange;
import se.samplan.testkit.Expect;
import se.samplan.testkit.FhirServer;
import se.samplan.testkit.Kit;
import se.samplan.testkit.Parties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The package's examples on the server: each validates there ({@code $validate}, 0 errors), and each example of
 * base data (people, directory, goals, care teams) can be written with its id and read back. Plans, consents,
 * meetings, invitations and deviations are made by the {@code $sip-*} operations, never written directly (W1);
 * {@link WorkflowChecks} makes them.
 */
@Tag("examples")
@DisplayName("Examples")
public class ExampleChecks {

	/** Written by the operator. */
	private static final Set<String> DIRECTORY = Set.of("Organization", "PractitionerRole");
	/** Made by the workflow's operations; Bundles are the scenarios as a whole. */
	private static final Set<String> NOT_WRITTEN = Set.of("CarePlan", "Consent", "Appointment", "Task", "DetectedIssue", "Bundle");

	@TestFactory
	@DisplayName("each example validates on the server")
	Stream<DynamicTest> validates() {
		FhirServer server = Kit.server();
		return IgPackage.EXAMPLES.stream().map(example -> DynamicTest.dynamicTest(id(example), () -> {
			Exchange validation = server.post("/" + example.fhirType() + "/$validate", Parties.INITIATOR, example);
			Expect expect = Expect.that(validation).status(200);
			expect.isTrue(expect.errors().isEmpty(), "expected no errors, got " + expect.errors());
		}));
	}

	/** In as many rounds as references need: a resource goes in once what it points to is there. */
	@TestFactory
	@DisplayName("each example of base data can be written and read back")
	Stream<DynamicTest> writtenAndReadBack() {
		FhirServer server = Kit.server();
		List<Resource> pending = new ArrayList<>(IgPackage.EXAMPLES.stream().filter(r -> !NOT_WRITTEN.contains(r.fhirType())).toList());
		Map<Resource, Exchange> written = new LinkedHashMap<>();
		boolean progress = true;
		while (!pending.isEmpty() && progress) {
			List<Resource> retry = new ArrayList<>();
			for (Resource r : pending) {
				if (!server.hasToken(writerOf(r))) {
					written.put(r, null);
					continue;
				}
				Exchange put = server.put(path(r), writerOf(r), r);
				written.put(r, put);
				if (put.status() / 100 != 2) {
					retry.add(r);
				}
			}
			progress = retry.size() < pending.size();
			pending = retry;
		}
		return written.entrySet().stream().map(e -> DynamicTest.dynamicTest(id(e.getKey()), () -> {
			Resource sent = e.getKey();
			server.requireToken(writerOf(sent));
			Expect.that(e.getValue()).success();
			Exchange read = server.get(path(sent), writerOf(sent));
			Resource back = Expect.that(read).status(200).resource(sent.getClass());
			Expect.that(read).isTrue(back.getIdElement().getIdPart().equals(sent.getIdElement().getIdPart())
					&& back.getMeta().getProfile().stream().map(p -> p.getValue()).toList()
					.containsAll(sent.getMeta().getProfile().stream().map(p -> p.getValue()).toList()),
					"expected the example back with its id and profiles");
		}));
	}

	/** Directory data is the operator's; a scenario's personal data is written by staff taking part in it. */
	private static String writerOf(Resource r) {
		if (DIRECTORY.contains(r.fhirType())) {
			return Parties.OPERATOR;
		}
		String id = r.getIdElement().getIdPart();
		return id.startsWith("sip2-") ? "PractitionerRole/sip2-role-bup"
				: id.startsWith("sip3-") ? "PractitionerRole/sip3-role-sjukskoterska" : Parties.INITIATOR;
	}

	private static String path(Resource r) {
		return "/" + r.fhirType() + "/" + r.getIdElement().getIdPart();
	}

	private static String id(Resource r) {
		return r.fhirType() + "/" + r.getIdElement().getIdPart();
	}
}
