package se.samplan.server.validation;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import se.samplan.server.ServerTestBase;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input, generated from a seed: broken JSON and XML, XML entities, wrong types, huge and deep bodies, invalid
 * identifiers and dates, wrong content types, unknown operations, references to nothing, transactions whose
 * entries refer to missing or circular {@code urn:uuid}s, PATCH on missing paths. Every answer is a 4xx with an
 * OperationOutcome saying what is wrong, never a 5xx, and the count of stored resources of every type written
 * here is the same afterwards: nothing was partly written.
 */
class BadInputTest extends ServerTestBase {

	private static final List<String> COUNTED = List.of("Patient", "RelatedPerson", "Goal", "CarePlan", "CareTeam", "Task",
			"Appointment", "Consent", "Organization", "Practitioner", "PractitionerRole", "Observation");

	record Bad(String name, HttpRequest.Builder request) {}

	@Test
	void fiveHundredBadRequestsGetA4xxAndWriteNothing() {
		Map<String, Integer> before = counts();
		actAs(DEFAULT_USER);
		List<Bad> bad = generate(new Random(20261203));
		assertThat(bad.size()).isGreaterThanOrEqualTo(500);
		List<String> wrong = new ArrayList<>();
		int fiveHundreds = 0;
		for (Bad b : bad) {
			HttpResponse<String> r = send(b.request().build());
			if (r.statusCode() >= 500) {
				fiveHundreds++;
			}
			if (r.statusCode() < 400 || r.statusCode() >= 500 || !explains(r)) {
				wrong.add(b.name() + " -> " + r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
			}
		}
		System.out.println("Bad input: " + bad.size() + " requests, " + fiveHundreds + " answered 5xx, "
				+ wrong.size() + " without a 4xx OperationOutcome");
		assertThat(wrong).isEmpty();
		assertThat(counts()).isEqualTo(before);
	}

	/** An OperationOutcome with an error that says something. */
	private static boolean explains(HttpResponse<String> r) {
		try {
			OperationOutcome oo = CTX.newJsonParser().parseResource(OperationOutcome.class, r.body());
			return oo.getIssue().stream().anyMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
					&& (i.hasDiagnostics() || i.getDetails().hasText()));
		} catch (RuntimeException e) {
			return false;
		}
	}

	private Map<String, Integer> counts() {
		String before = actingAs();
		actAs(OPERATOR);
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String type : COUNTED) {
			Bundle b = CTX.newJsonParser().parseResource(Bundle.class, get("/fhir/" + type + "?_summary=count").body());
			counts.put(type, b.getTotal());
		}
		actAs(before);
		return counts;
	}

	private List<Bad> generate(Random random) {
		List<Bad> bad = new ArrayList<>();
		String patient = json(validPatient());
		String goal = json(validGoal("Patient/sip1-patient"));
		// Broken JSON: valid bodies cut off at random places, and stray characters.
		for (int i = 0; i < 100; i++) {
			String body = i % 2 == 0 ? patient : goal;
			String type = i % 2 == 0 ? "Patient" : "Goal";
			int cut = 1 + random.nextInt(body.length() - 2);
			String broken = i % 4 < 2 ? body.substring(0, cut) : body.substring(0, cut) + "}{,\u0000" + body.substring(cut);
			bad.add(post("broken JSON " + i, "/" + type, "application/fhir+json", broken));
		}
		// Broken XML and entities.
		String patientXml = CTX.newXmlParser().encodeResourceToString(validPatient());
		for (int i = 0; i < 40; i++) {
			int cut = 1 + random.nextInt(patientXml.length() - 2);
			bad.add(post("broken XML " + i, "/Patient", "application/fhir+xml", i % 2 == 0 ? patientXml.substring(0, cut)
					: patientXml.substring(0, cut) + "<<&>" + patientXml.substring(cut)));
		}
		String[] entities = {
			"<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&x;\"/></name></Patient>",
			"<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&d;\"/></name></Patient>",
			"<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"http://localhost:1/x\">]><Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&x;\"/></name></Patient>",
			"<?xml version=\"1.0\"?><Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&undefined;\"/></name></Patient>",
			"<Patient xmlns=\"http://hl7.org/fhir\"><birthDate value=\"1980-02-30\"/></Patient>",
			"<?xml version=\"1.0\"?><Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"transaction\"/><entry><resource><Patient><active value=\"maybe\"/></Patient></resource><request><method value=\"POST\"/><url value=\"Patient\"/></request></entry></Bundle>"};
		for (int i = 0; i < entities.length; i++) {
			bad.add(post("XML " + i, i == 5 ? "" : "/Patient", "application/fhir+xml", entities[i]));
		}
		// Wrong types: a primitive where an object is, an object where a primitive is, arrays swapped.
		String[][] wrongTypes = {
			{"Patient", "{\"resourceType\":\"Patient\",\"active\":\"ja\"}"},
			{"Patient", "{\"resourceType\":\"Patient\",\"active\":1}"},
			{"Patient", "{\"resourceType\":\"Patient\",\"name\":\"Anna\"}"},
			{"Patient", "{\"resourceType\":\"Patient\",\"name\":{\"family\":\"A\"}}"},
			{"Patient", "{\"resourceType\":\"Patient\",\"birthDate\":19800101}"},
			{"Patient", "{\"resourceType\":\"Patient\",\"gender\":\"kvinna\"}"},
			{"Patient", "{\"resourceType\":\"Patient\",\"unknownElement\":true}"},
			{"Patient", "{\"resourceType\":\"Goal\",\"lifecycleStatus\":\"proposed\"}"},
			{"Patient", "{\"resourceType\":\"Nonsense\"}"},
			{"Patient", "{}"},
			{"Patient", "[]"},
			{"Patient", "\"Patient\""},
			{"Patient", "null"},
			{"Goal", "{\"resourceType\":\"Goal\",\"lifecycleStatus\":\"proposed\",\"description\":{\"text\":\"x\"},\"subject\":\"Patient/sip1-patient\"}"},
			{"Goal", "{\"resourceType\":\"Goal\",\"lifecycleStatus\":\"kanske\",\"description\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/sip1-patient\"}}"},
			{"Goal", "{\"resourceType\":\"Goal\",\"lifecycleStatus\":true,\"description\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/sip1-patient\"}}"},
			{"CarePlan", "{\"resourceType\":\"CarePlan\",\"status\":\"draft\",\"intent\":\"plan\",\"subject\":{\"reference\":42}}"},
			{"CarePlan", "{\"resourceType\":\"CarePlan\",\"status\":[\"draft\"],\"intent\":\"plan\"}"},
			{"Task", "{\"resourceType\":\"Task\",\"status\":\"requested\",\"intent\":\"order\",\"owner\":{\"reference\":\"Organization/\"}}"},
			{"Observation", "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"valueQuantity\":{\"value\":\"många\"}}"}};
		for (int rep = 0; rep < 4; rep++) {
			for (String[] w : wrongTypes) {
				bad.add(post("wrong type " + rep + " " + w[1], "/" + w[0], rep % 2 == 0 ? "application/fhir+json" : "application/json", w[1]));
			}
		}
		// Huge and deep bodies, each with one invalid date so that a server that reads them through refuses them.
		String invalid = "\"birthDate\":\"1980-13-01\",";
		bad.add(post("huge name", "/Patient", "application/fhir+json",
				"{\"resourceType\":\"Patient\"," + invalid + "\"name\":[{\"family\":\"" + "Å".repeat(3_000_000) + "\"}]}"));
		bad.add(post("huge array", "/Patient", "application/fhir+json",
				"{\"resourceType\":\"Patient\"," + invalid + "\"name\":[" + "{\"family\":\"A\"},".repeat(200_000) + "{\"family\":\"A\"}]}"));
		for (int depth : new int[] {200, 2_000, 20_000}) {
			String nested = "{\"url\":\"http://example.org/x\",\"extension\":[".repeat(depth) + "{\"url\":\"http://example.org/y\",\"valueString\":\"z\"}"
					+ "]}".repeat(depth);
			bad.add(post("deep extension " + depth, "/Patient", "application/fhir+json",
					"{\"resourceType\":\"Patient\"," + invalid + "\"extension\":[" + nested + "]}"));
			bad.add(post("deep arrays " + depth, "/Patient", "application/fhir+json", "[".repeat(depth) + "]".repeat(depth)));
		}
		// Invalid identifiers and dates.
		String[] personnummer = {"191212121213", "19121212121", "1912121212122", "abcdefghijkl", "19121312121-", "19120230-1212",
				"20991301-0000", "19000000-0000", "1912121212 12", ""};
		for (int i = 0; i < 50; i++) {
			String pnr = i < personnummer.length ? personnummer[i] : String.format("19%010d", random.nextInt(1_000_000_000)) + "x";
			bad.add(post("personnummer " + pnr, "/Patient", "application/fhir+json", "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":"
					+ "\"http://electronichealth.se/identifier/personnummer\",\"value\":\"" + pnr + "\"}]}"));
		}
		String[] dates = {"1980-13-01", "1980-02-30", "80-01-01", "1980/01/01", "tomorrow", "1980-01-01T25:00:00Z", "0000-00-00",
				"19800101", "1980-1-1", "2026-12-03T10:00:00+25:00"};
		for (int i = 0; i < 50; i++) {
			String date = dates[i % dates.length];
			bad.add(i % 2 == 0
					? post("birthDate " + date, "/Patient", "application/fhir+json", "{\"resourceType\":\"Patient\",\"birthDate\":\"" + date + "\"}")
					: post("Goal startDate " + date + " " + i, "/Goal", "application/fhir+json", "{\"resourceType\":\"Goal\",\"lifecycleStatus\":"
							+ "\"proposed\",\"description\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/sip1-patient\"},\"startDate\":\"" + date + "\"}"));
		}
		// Wrong content types.
		String[] contentTypes = {"text/plain", "application/octet-stream", "application/x-www-form-urlencoded", "image/png",
				"application/fhir+yaml", "multipart/form-data; boundary=x"};
		for (int i = 0; i < 30; i++) {
			bad.add(post("content type " + contentTypes[i % contentTypes.length] + " " + i, i % 2 == 0 ? "/Patient" : "/Goal",
					contentTypes[i % contentTypes.length], i % 3 == 0 ? "Patient: Anna" : patient));
		}
		// Unknown operations, on the server, a type and an instance; unknown types.
		for (int i = 0; i < 30; i++) {
			String path = switch (i % 3) {
				case 0 -> "/$nonsense" + i;
				case 1 -> "/CarePlan/$sip-nonsense" + i;
				default -> "/Patient/sip1-patient/$nonsense" + i;
			};
			bad.add(post("operation " + path, path, "application/fhir+json", "{\"resourceType\":\"Parameters\"}"));
		}
		for (int i = 0; i < 10; i++) {
			bad.add(post("unknown type " + i, "/NoSuchType" + i, "application/fhir+json", "{\"resourceType\":\"NoSuchType" + i + "\"}"));
		}
		// References to nothing.
		for (int i = 0; i < 30; i++) {
			String target = switch (i % 5) {
				case 0 -> "Patient/does-not-exist-" + i;
				case 1 -> "Patient?identifier=http://electronichealth.se/identifier/personnummer|000000000000";
				case 2 -> "NoSuchType/1";
				case 3 -> "Organization/" + i + "999999";
				default -> "urn:uuid:00000000-0000-4000-8000-00000000000" + (i % 10);
			};
			bad.add(post("reference to nothing " + target, "/Goal", "application/fhir+json", json(validGoal(target))));
		}
		// Transactions: a valid first entry, then a reference to a missing urn:uuid, or entries referring in a circle.
		for (int i = 0; i < 40; i++) {
			Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			tx.addEntry().setFullUrl("urn:uuid:10000000-0000-4000-8000-0000000000" + String.format("%02d", i)).setResource(validPatient())
					.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
			if (i % 2 == 0) {
				tx.addEntry().setFullUrl("urn:uuid:20000000-0000-4000-8000-0000000000" + String.format("%02d", i))
						.setResource(validGoal("urn:uuid:99999999-0000-4000-8000-0000000000" + String.format("%02d", i)))
						.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Goal");
			} else {
				String a = "urn:uuid:30000000-0000-4000-8000-0000000000" + String.format("%02d", i);
				String b = "urn:uuid:40000000-0000-4000-8000-0000000000" + String.format("%02d", i);
				org.hl7.fhir.r4.model.Organization one = new org.hl7.fhir.r4.model.Organization().setName("Ett").setPartOf(new Reference(b));
				org.hl7.fhir.r4.model.Organization two = new org.hl7.fhir.r4.model.Organization().setName("Två").setPartOf(new Reference(a));
				tx.addEntry().setFullUrl(a).setResource(one).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Organization");
				tx.addEntry().setFullUrl(b).setResource(two).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Organization");
				tx.addEntry().setFullUrl(a).setResource(validGoal(a)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Goal");
			}
			bad.add(post("transaction " + i, "", "application/fhir+json", json(tx)));
		}
		// PATCH on missing paths and with broken patches.
		String[] patches = {
			"[{\"op\":\"replace\",\"path\":\"/nonexistent\",\"value\":1}]",
			"[{\"op\":\"remove\",\"path\":\"/name/7\"}]",
			"[{\"op\":\"replace\",\"path\":\"/name/0/family/x\",\"value\":\"x\"}]",
			"[{\"op\":\"test\",\"path\":\"/gender\",\"value\":\"other\"}]",
			"[{\"op\":\"frobnicate\",\"path\":\"/gender\"}]",
			"[{\"op\":\"replace\",\"path\":\"/resourceType\",\"value\":\"Goal\"}]",
			"[{\"op\":\"move\",\"from\":\"/nonexistent\",\"path\":\"/gender\"}]",
			"{\"op\":\"replace\"}",
			"[",
			"[{\"op\":\"add\",\"path\":\"/birthDate\",\"value\":\"not a date\"}]"};
		for (int i = 0; i < 40; i++) {
			String target = i % 2 == 0 ? "/Patient/sip1-patient" : "/Patient/no-such-patient";
			if (i % 4 == 3) {
				String fhirPath = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"operation\",\"part\":[{\"name\":\"type\",\"valueCode\":\""
						+ (i % 8 == 3 ? "replace" : "delete") + "\"},{\"name\":\"path\",\"valueString\":\"Patient.contact[5].name" + (i % 8 == 3 ? "" : ".where(")
						+ "\"},{\"name\":\"value\",\"valueString\":\"x\"}]}]}";
				bad.add(patch("FHIRPath patch " + i, target, "application/fhir+json", fhirPath));
			} else {
				bad.add(patch("JSON patch " + i, target, "application/json-patch+json", patches[i % patches.length]));
			}
		}
		return bad;
	}

	private Bad post(String name, String path, String contentType, String body) {
		return new Bad(name, request("/fhir" + path).header("Content-Type", contentType).header("Accept", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Bad patch(String name, String path, String contentType, String body) {
		return new Bad(name, request("/fhir" + path).header("Content-Type", contentType).header("Accept", "application/fhir+json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
	}

	private static String json(org.hl7.fhir.r4.model.Resource r) {
		return CTX.newJsonParser().encodeResourceToString(r);
	}

	private static Patient validPatient() {
		Patient p = new Patient().setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1975-04-02"));
		p.addName().setFamily("Felsson").addGiven("Åke");
		return p;
	}

	private static Goal validGoal(String subject) {
		Goal g = new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.PROPOSED).setSubject(new Reference(subject));
		g.getDescription().setText("Att kunna bo kvar hemma");
		return g;
	}
}
