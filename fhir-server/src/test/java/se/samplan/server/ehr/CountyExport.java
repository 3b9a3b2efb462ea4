package se.samplan.server.ehr;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import se.samplan.server.sip.SipUrls;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Person bundles in the shape of a county's export, generated from a seed: core R4 resources only (no Samplan
 * profile or extension claimed), with the codes and elements the SIP profiles ask for, every entry referring to the others by {@code urn:uuid}. A third of the
 * persons are children with two guardians who both give the consent. Each person has a draft SIP registered by
 * one organisation, its care team, goals, services by 3–5 organisations, the consent naming them all, a meeting
 * and an invitation to each organisation but the registering one.
 */
public final class CountyExport {

	/** The registering organisation, a region's health centre, and the organisations it works with. */
	public static final String REGISTERING = "Organization/sip1-org-vardcentral";
	/** The care worker who convenes the meeting (Appointment.participant.actor cannot be an Organization in R4). */
	private static final String REGISTERING_STAFF = "PractitionerRole/sip1-role-distriktsskoterska";
	private static final List<String> PARTNERS = List.of("Organization/sip1-org-hemtjanst", "Organization/sip1-org-kommun",
			"Organization/sip1-org-region", "Organization/sip2-org-bup", "Organization/sip2-org-skola",
			"Organization/sip2-org-socialtjanst");
	private static final String[] GIVEN = {"Åsa", "Örjan", "Märta", "Björn", "Ängla", "Sören", "Linnéa", "Håkan"};
	private static final String[] FAMILY = {"Åberg", "Öst", "Lindström", "Ekström", "Sjögren", "Nyström"};
	private static final String[] SERVICES = {"Hemtjänst morgon och kväll", "Hemsjukvård, såromläggning", "Stödsamtal varannan vecka",
			"Anpassad studiegång", "Boendestöd två gånger i veckan", "Läkemedelsgenomgång"};

	private final Random random;
	private int serial;

	public CountyExport(long seed) {
		this.random = new Random(seed);
	}

	/** The bundle of the next person. */
	public Bundle nextPerson() {
		serial++;
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		boolean child = serial % 3 == 0;
		LocalDate born = child ? LocalDate.of(2012 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28))
				: LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
		Patient person = new Patient().setBirthDateElement(new DateType(born.toString()))
				.setGender(random.nextBoolean() ? Enumerations.AdministrativeGender.FEMALE : Enumerations.AdministrativeGender.MALE);
		person.addIdentifier().setSystem("http://electronichealth.se/identifier/personnummer").setValue(personnummer(born, random.nextInt(1000)));
		person.addName().setFamily(pick(FAMILY)).addGiven(pick(GIVEN));
		String patient = add(tx, person);

		List<String> performers = new ArrayList<>();
		performers.add(patient);
		if (child) {
			for (int i = 1; i <= 2; i++) {
				RelatedPerson guardian = new RelatedPerson().setPatient(new Reference(patient));
				guardian.addRelationship().addCoding(new Coding(SipUrls.ROLE_CODE_SYSTEM, "GUARD", "guardian"));
				guardian.addName().setFamily(person.getNameFirstRep().getFamily()).addGiven(pick(GIVEN));
				performers.add(add(tx, guardian));
			}
			performers.remove(patient);
		}

		List<String> organizations = new ArrayList<>(PARTNERS);
		java.util.Collections.shuffle(organizations, random);
		organizations = new ArrayList<>(organizations.subList(0, 2 + random.nextInt(3)));
		organizations.add(0, REGISTERING);

		CarePlan plan = new CarePlan().setStatus(CarePlan.CarePlanStatus.DRAFT).setIntent(CarePlan.CarePlanIntent.PLAN)
				.setTitle("Samordnad individuell plan").setSubject(new Reference(patient)).setAuthor(new Reference(REGISTERING));
		plan.addCategory().addCoding(new Coding(SipUrls.CARE_PLAN_TYPE_SYSTEM, "SIP", null));
		String planRef = "urn:uuid:" + UUID.randomUUID();

		CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference(patient))
				.setName("SIP-team");
		team.addCategory().addCoding(new Coding(SipUrls.CARE_TEAM_SYSTEM, "sip", null));
		team.addParticipant().setMember(new Reference(patient)).addRole().addCoding(new Coding(SipUrls.PARTICIPANT_ROLE_SYSTEM, "person", null));
		organizations.forEach(o -> team.addParticipant().setMember(new Reference(o)).addRole()
				.addCoding(new Coding(SipUrls.PARTICIPANT_ROLE_SYSTEM, o.contains("kommun") || o.contains("region") || o.equals(REGISTERING)
						? "principal-representative" : "other-actor", null)));
		plan.addCareTeam(new Reference(add(tx, team)));

		for (int i = 0; i < 1 + random.nextInt(2); i++) {
			Goal goal = new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.PROPOSED).setSubject(new Reference(patient));
			goal.getDescription().setText(i == 0 ? "Att klara vardagen hemma" : "Att må bättre och träffa vänner");
			goal.addCategory().addCoding(new Coding(SipUrls.GOAL_CATEGORY_SYSTEM, i == 0 ? "what-matters-to-me" : "goal", null));
			goal.setExpressedBy(new Reference(i == 0 ? patient : REGISTERING_STAFF));
			plan.addGoal(new Reference(add(tx, goal)));
		}
		for (int i = 0; i < 4 + random.nextInt(3); i++) {
			plan.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.NOTSTARTED)
					.setDescription(pick(SERVICES)).addPerformer(new Reference(organizations.get(i % organizations.size())));
		}
		tx.addEntry().setFullUrl(planRef).setResource(plan).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("CarePlan");

		Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(new Reference(patient))
				.setDateTime(new Date());
		consent.getScope().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null));
		consent.addCategory().addCoding(new Coding(SipUrls.CONSENT_CATEGORY_SYSTEM, "sip", null));
		performers.forEach(p -> consent.addPerformer(new Reference(p)));
		consent.addPolicy().setAuthority("https://www.riksdagen.se")
				.setUri("https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/halso--och-sjukvardslag-201730_sfs-2017-30/");
		consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
		organizations.forEach(o -> consent.getProvision().addActor().setReference(new Reference(o)).getRole()
				.addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", null)));
		consent.getProvision().addData().setMeaning(Consent.ConsentDataMeaning.RELATED).setReference(new Reference(planRef));
		add(tx, consent);

		Date start = Date.from(LocalDate.now().plusDays(10 + random.nextInt(20)).atTime(13, 0).atZone(ZoneId.of("Europe/Stockholm")).toInstant());
		Appointment meeting = new Appointment().setStatus(Appointment.AppointmentStatus.PROPOSED).setStart(start)
				.setEnd(new Date(start.getTime() + 90 * 60_000L)).setDescription("SIP-möte");
		meeting.addSupportingInformation(new Reference(planRef));
		meeting.addParticipant().setActor(new Reference(patient)).setStatus(Appointment.ParticipationStatus.NEEDSACTION);
		meeting.addParticipant().setActor(new Reference(REGISTERING_STAFF)).setStatus(Appointment.ParticipationStatus.ACCEPTED);
		String meetingRef = add(tx, meeting);
		for (String o : organizations.subList(1, organizations.size())) {
			Task invitation = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
					.setFor(new Reference(patient)).setFocus(new Reference(meetingRef)).setOwner(new Reference(o))
					.setRequester(new Reference(REGISTERING));
			invitation.getCode().addCoding(new Coding(SipUrls.TASK_TYPE_SYSTEM, "invitation", null));
			invitation.addBasedOn(new Reference(planRef));
			add(tx, invitation);
		}
		return tx;
	}

	private static String add(Bundle tx, Resource resource) {
		String ref = "urn:uuid:" + UUID.randomUUID();
		tx.addEntry().setFullUrl(ref).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
		return ref;
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
