package se.samplan.testkit.county;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Person bundles in the shape of a county's export, generated from a seed (the same seed gives the same
 * persons): core R4 resources with the codes and elements the SIP profiles ask for and no profile claimed, every
 * entry referring to the others by {@code urn:uuid}. A third of the persons are children with two guardians who
 * both give the consent. Each person has a draft SIP registered by one unit of the directory, its care team, two
 * goals, 4–6 services by 3–5 organisations, the consent naming them all, two meetings and an invitation to each
 * meeting for each organisation but the registering one (shared/design/quality.md, "Workload").
 */
public final class County {

	/** One person's transaction, and the unit that registers the plan (whose token loads it). */
	public record Person(Bundle bundle, CountyDirectory.Unit registering) {
		public Patient patient() {
			return (Patient) bundle.getEntryFirstRep().getResource();
		}
	}

	public static final String PERSONNUMMER = "http://electronichealth.se/identifier/personnummer";
	private static final String SIP = "https://samplan.github.io/fhir";
	private static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
	private static final String[] GIVEN = {"Åsa", "Örjan", "Märta", "Björn", "Ängla", "Sören", "Linnéa", "Håkan"};
	private static final String[] FAMILY = {"Åberg", "Öst", "Lindström", "Ekström", "Sjögren", "Nyström"};
	private static final String[] SERVICES = {"Hemtjänst morgon och kväll", "Hemsjukvård, såromläggning", "Stödsamtal varannan vecka",
			"Anpassad studiegång", "Boendestöd två gånger i veckan", "Läkemedelsgenomgång"};

	private final CountyDirectory directory;
	private final Random random;
	private int serial;

	public County(CountyDirectory directory, long seed) {
		this.directory = directory;
		this.random = new Random(seed);
	}

	/** The demo scenarios' organisations, for a demo server. */
	public static County demo(long seed) {
		return new County(CountyDirectory.demo(), seed);
	}

	/** The next person. */
	public Person next() {
		serial++;
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		boolean child = serial % 3 == 0;
		LocalDate born = child ? LocalDate.of(2012 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28))
				: LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
		Patient person = new Patient().setBirthDateElement(new DateType(born.toString()))
				.setGender(random.nextBoolean() ? Enumerations.AdministrativeGender.FEMALE : Enumerations.AdministrativeGender.MALE);
		person.addIdentifier().setSystem(PERSONNUMMER).setValue(personnummer(born, serial % 1000));
		person.addName().setFamily(pick(FAMILY)).addGiven(pick(GIVEN));
		String patient = add(tx, person);

		List<String> performers = new ArrayList<>();
		if (child) {
			for (int i = 1; i <= 2; i++) {
				RelatedPerson guardian = new RelatedPerson().setPatient(new Reference(patient));
				guardian.addRelationship().addCoding(new Coding(ROLE_CODE, "GUARD", "guardian"));
				guardian.addName().setFamily(person.getNameFirstRep().getFamily()).addGiven(pick(GIVEN));
				performers.add(add(tx, guardian));
			}
		} else {
			performers.add(patient);
		}

		List<CountyDirectory.Unit> registering = directory.registering();
		CountyDirectory.Unit registrar = registering.get(random.nextInt(registering.size()));
		List<String> organizations = new ArrayList<>(directory.partners(registrar).stream().map(CountyDirectory.Unit::reference).toList());
		Collections.shuffle(organizations, random);
		organizations = new ArrayList<>(organizations.subList(0, 2 + random.nextInt(3)));
		organizations.add(0, registrar.reference());

		CarePlan plan = new CarePlan().setStatus(CarePlan.CarePlanStatus.DRAFT).setIntent(CarePlan.CarePlanIntent.PLAN)
				.setTitle("Samordnad individuell plan").setSubject(new Reference(patient)).setAuthor(new Reference(registrar.reference()));
		plan.addCategory().addCoding(new Coding("https://fhir.inera.se/CodeSystem/typeofcareplan-cs", "SIP", null));
		plan.addExtension(SIP + "/StructureDefinition/sip-phase", new CodeType("initiated"));
		plan.addExtension(SIP + "/StructureDefinition/sip-next-follow-up",
				new DateTimeType(LocalDate.now().plusDays(30 + random.nextInt(335)) + "T10:00:00+01:00"));
		String planRef = uuid();

		CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference(patient)).setName("SIP-team");
		team.addCategory().addCoding(new Coding(SIP + "/CodeSystem/sip-care-team", "sip", null));
		team.addParticipant().setMember(new Reference(patient)).addRole().addCoding(new Coding(SIP + "/CodeSystem/sip-participant-role", "person", null));
		for (int i = 0; i < organizations.size(); i++) {
			team.addParticipant().setMember(new Reference(organizations.get(i))).addRole().addCoding(new Coding(
					SIP + "/CodeSystem/sip-participant-role", i < 2 ? "principal-representative" : "other-actor", null));
		}
		plan.addCareTeam(new Reference(add(tx, team)));

		for (int i = 0; i < 2; i++) {
			Goal goal = new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.PROPOSED).setSubject(new Reference(patient));
			goal.getDescription().setText(i == 0 ? "Att klara vardagen hemma" : "Att må bättre och träffa vänner");
			goal.addCategory().addCoding(new Coding(SIP + "/CodeSystem/sip-goal-category", i == 0 ? "what-matters-to-me" : "goal", null));
			goal.setExpressedBy(new Reference(i == 0 ? patient : registrar.staff()));
			plan.addGoal(new Reference(add(tx, goal)));
		}
		for (int i = 0; i < 4 + random.nextInt(3); i++) {
			plan.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.NOTSTARTED)
					.setDescription(pick(SERVICES)).addPerformer(new Reference(organizations.get(i % organizations.size())));
		}
		tx.addEntry().setFullUrl(planRef).setResource(plan).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("CarePlan");

		Consent consent = SipConsents.given(patient, performers, organizations);
		consent.getProvision().addData().setMeaning(Consent.ConsentDataMeaning.RELATED).setReference(new Reference(planRef));
		add(tx, consent);

		for (int m = 0; m < 2; m++) {
			LocalDate day = LocalDate.now().plusDays(10 + 60L * m + random.nextInt(20));
			Date start = Date.from(day.atTime(13, 0).atZone(ZoneId.of("Europe/Stockholm")).toInstant());
			Appointment meeting = new Appointment().setStatus(Appointment.AppointmentStatus.PROPOSED).setStart(start)
					.setEnd(new Date(start.getTime() + 90 * 60_000L)).setDescription(m == 0 ? "SIP-möte" : "Uppföljningsmöte");
			meeting.addSupportingInformation(new Reference(planRef));
			meeting.addParticipant().setActor(new Reference(patient)).setStatus(Appointment.ParticipationStatus.NEEDSACTION);
			meeting.addParticipant().setActor(new Reference(registrar.staff())).setStatus(Appointment.ParticipationStatus.ACCEPTED);
			String meetingRef = add(tx, meeting);
			for (String o : organizations.subList(1, organizations.size())) {
				Task invitation = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
						.setFor(new Reference(patient)).setFocus(new Reference(meetingRef)).setOwner(new Reference(o))
						.setRequester(new Reference(registrar.reference()));
				invitation.getCode().addCoding(new Coding(SIP + "/CodeSystem/sip-task-type", "invitation", null));
				invitation.addBasedOn(new Reference(planRef));
				add(tx, invitation);
			}
		}
		return new Person(tx, registrar);
	}

	private String add(Bundle tx, Resource resource) {
		String ref = uuid();
		tx.addEntry().setFullUrl(ref).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
		return ref;
	}

	/** A version 4 UUID drawn from the seeded sequence, so the same seed gives the same bundles. */
	private String uuid() {
		return "urn:uuid:" + new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
	}

	private <T> T pick(T[] values) {
		return values[random.nextInt(values.length)];
	}

	/** A valid personnummer (12 digits, Luhn check digit) for the birth date and serial number (0-999). */
	public static String personnummer(LocalDate born, int serial) {
		String nine = String.format("%02d%02d%02d%03d", born.getYear() % 100, born.getMonthValue(), born.getDayOfMonth(), serial);
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
			sum += d / 10 + d % 10;
		}
		return String.format("%04d", born.getYear()).substring(0, 2) + nine + (10 - sum % 10) % 10;
	}
}
