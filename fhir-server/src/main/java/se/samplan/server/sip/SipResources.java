package se.samplan.server.sip;

import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the SIP codes say about the other resources of a plan: a SIP consent and whether it is in force, an
 * invitation, a guardian, a goal of what matters to the person, a person's age and protected identity.
 */
public final class SipResources {

	public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
	/** The identities HL7 Sweden's security labels protect: guardians get no access to such a child (R13). */
	private static final Set<String> PROTECTED_IDENTITY = Set.of("sekretessmarkering", "skyddadFolkbokforing");

	/** W3: these keep the plan's history; mistakes are closed as entered-in-error, never deleted. */
	public static final Set<String> NEVER_DELETED = Set.of("CarePlan", "Consent", "Task", "Appointment", "Goal",
			"CareTeam", "AuditEvent");

	private SipResources() {}

	/** A consent of the category SIP ({@code sip-consent-category#sip}). */
	public static boolean isSipConsent(Consent consent) {
		return consent.getCategory().stream().anyMatch(c -> c.hasCoding(SipUrls.CONSENT_CATEGORY_SYSTEM, "sip"));
	}

	/** Active, and its period (provision.period) not ended. */
	public static boolean inForce(Consent consent, Date now) {
		Date end = consent.getProvision().getPeriod().getEnd();
		return consent.getStatus() == Consent.ConsentState.ACTIVE && (end == null || end.after(now));
	}

	/** The organisations the consent lets share information for the plan (provision.actor). */
	public static List<Reference> actors(Consent consent) {
		return consent.getProvision().getActor().stream().map(Consent.provisionActorComponent::getReference).toList();
	}

	/** The plans the consent is for (provision.data). */
	public static List<Reference> plans(Consent consent) {
		return consent.getProvision().getData().stream().map(Consent.provisionDataComponent::getReference).toList();
	}

	/** A documented judgement that the child is mature enough to decide ({@code sip-child-maturity.mature} true, R3). */
	public static boolean judgedMature(Consent consent) {
		Extension maturity = consent.getExtensionByUrl(SipUrls.CHILD_MATURITY);
		Extension mature = maturity == null ? null : maturity.getExtensionByUrl("mature");
		return mature != null && mature.getValue() instanceof BooleanType b && b.booleanValue();
	}

	/** An invitation to a SIP meeting ({@code sip-task-type#invitation}). */
	public static boolean isInvitation(Task task) {
		return task.getCode().hasCoding(SipUrls.TASK_TYPE_SYSTEM, "invitation");
	}

	/** A registered guardian (vårdnadshavare): an active RelatedPerson with relationship GUARD. */
	public static boolean isGuardian(RelatedPerson person) {
		return (!person.hasActive() || person.getActive())
				&& person.getRelationship().stream().anyMatch(c -> c.hasCoding(SipUrls.ROLE_CODE_SYSTEM, "GUARD"));
	}

	/** A goal in the person's own words ({@code sip-goal-category#what-matters-to-me}). */
	public static boolean whatMattersToMe(Goal goal) {
		return goal.getCategory().stream().anyMatch(c -> c.hasCoding(SipUrls.GOAL_CATEGORY_SYSTEM, "what-matters-to-me"));
	}

	/** A name as a person reads it: its text, else given names and family name. */
	public static String displayName(HumanName name) {
		return name.hasText() ? name.getText() : (name.getGivenAsSingleString() + " " + name.getFamily()).trim();
	}

	/** Age in whole years on this day; a person without a birth date counts as adult. */
	public static int age(Patient person, LocalDate on) {
		if (!person.hasBirthDate()) {
			return 200;
		}
		LocalDate born = person.getBirthDate().toInstant().atZone(SWEDEN).toLocalDate();
		return (int) ChronoUnit.YEARS.between(born, on);
	}

	/** Sekretessmarkering or skyddad folkbokföring. */
	public static boolean hasProtectedIdentity(Patient person) {
		return person.getMeta().getSecurity().stream()
				.anyMatch(c -> SipUrls.SECURITY_LABEL_SYSTEM.equals(c.getSystem()) && PROTECTED_IDENTITY.contains(c.getCode()));
	}

	/** The organisations the resource's tags say registered it. */
	public static Set<String> registeredBy(Resource resource) {
		Set<String> organizations = new LinkedHashSet<>();
		resource.getMeta().getTag().stream().filter(t -> SipUrls.REGISTERED_BY.equals(t.getSystem()))
				.forEach(t -> organizations.add(t.getCode()));
		return organizations;
	}

	/** Whether the resource carries the tag saying this organisation registered it. */
	public static boolean registeredBy(Resource resource, String organization) {
		return resource.getMeta().getTag().stream()
				.anyMatch(t -> SipUrls.REGISTERED_BY.equals(t.getSystem()) && organization.equals(t.getCode()));
	}

	/** The people ({@code Patient/<id>}) an AuditEvent is about: its entities that are Patients. */
	public static Set<String> patientsOf(AuditEvent event) {
		Set<String> patients = new LinkedHashSet<>();
		event.getEntity().forEach(e -> {
			String what = se.samplan.server.hapi.References.key(e.getWhat());
			if (what != null && what.startsWith("Patient/")) {
				patients.add(what);
			}
		});
		return patients;
	}
}
