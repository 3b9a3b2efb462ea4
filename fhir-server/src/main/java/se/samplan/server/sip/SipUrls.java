package se.samplan.server.sip;

import se.samplan.profiles.SipPackage;

/** The canonical URLs of the samplan.fhir.sip package that the server reads and writes (fhir-model.md). */
public final class SipUrls {

	// Extensions
	public static final String PHASE = extension("sip-phase");
	public static final String OVERALL_RESPONSIBILITY = extension("sip-overall-responsibility");
	public static final String NEXT_FOLLOW_UP = extension("sip-next-follow-up");
	public static final String INITIATIVE = extension("sip-initiative");
	public static final String CLOSURE = extension("sip-closure");
	public static final String APPROVED_FOR_PATIENT = extension("sip-approved-for-patient");
	public static final String GUARDIAN_ACCESS = extension("sip-guardian-access");
	public static final String PATIENT_PARTICIPATION = extension("sip-patient-participation");
	public static final String VIRTUAL_MEETING = extension("sip-virtual-meeting");
	public static final String CHILD_MATURITY = extension("sip-child-maturity");
	public static final String DUE = extension("sip-due");
	public static final String WORKLIST_DUE = extension("sip-worklist-due");

	// Profiles
	public static final String CARE_PLAN_PROFILE = extension("SipCarePlan");
	public static final String CARE_TEAM_PROFILE = extension("SipCareTeam");
	public static final String CONSENT_PROFILE = extension("SipConsent");
	public static final String APPOINTMENT_PROFILE = extension("SipAppointment");
	public static final String INVITATION_PROFILE = extension("SipInvitationTask");
	public static final String DEVIATION_PROFILE = extension("SipDeviation");
	/** Every profile of the package starts with this. */
	public static final String PROFILE_PREFIX = SipPackage.CANONICAL + "/StructureDefinition/";

	// Code systems
	public static final String RULE_SYSTEM = SipPackage.codeSystem("sip-rule");
	public static final String PHASE_SYSTEM = SipPackage.codeSystem("sip-phase");
	public static final String ORGANIZATION_KIND_SYSTEM = SipPackage.codeSystem("sip-organization-kind");
	public static final String PARTICIPANT_ROLE_SYSTEM = SipPackage.codeSystem("sip-participant-role");
	public static final String GOAL_CATEGORY_SYSTEM = SipPackage.codeSystem("sip-goal-category");
	public static final String CARE_TEAM_SYSTEM = SipPackage.codeSystem("sip-care-team");
	public static final String CONSENT_CATEGORY_SYSTEM = SipPackage.codeSystem("sip-consent-category");
	public static final String TASK_TYPE_SYSTEM = SipPackage.codeSystem("sip-task-type");
	public static final String MEETING_TYPE_SYSTEM = SipPackage.codeSystem("sip-meeting-type");
	public static final String CLOSURE_REASON_SYSTEM = SipPackage.codeSystem("sip-closure-reason");
	public static final String DEVIATION_TYPE_SYSTEM = SipPackage.codeSystem("sip-deviation-type");
	public static final String DUE_KIND_SYSTEM = SipPackage.codeSystem("sip-due-kind");

	// Systems of others
	/** The national care-plan type (Inera): SIP, SPLPTLRV, ... */
	public static final String CARE_PLAN_TYPE_SYSTEM = "https://fhir.inera.se/CodeSystem/typeofcareplan-cs";
	/** HL7 v3 RoleCode, whose GUARD marks a guardian (vårdnadshavare). */
	public static final String ROLE_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
	/** HL7 Sweden's security labels: sekretessmarkering, skyddad folkbokföring. */
	public static final String SECURITY_LABEL_SYSTEM = "http://hl7.se/fhir/ig/base/CodeSystem/SecurityLabel";
	/** KVÅ, the Swedish classification of care measures (Socialstyrelsen), whose codes count SIPs made and followed up. */
	public static final String KVA_SYSTEM = "urn:oid:1.2.752.116.1.3.2.1.4";
	/** The tag naming the organisation that registered a person not yet in any plan. */
	public static final String REGISTERED_BY = SipPackage.CANONICAL + "/registered-by";
	/** The tags naming the organisations that may read a resource of a plan, kept by the server (access.md). */
	public static final String READER = SipPackage.CANONICAL + "/reader";

	private SipUrls() {}

	private static String extension(String id) {
		return SipPackage.structureDefinition(id);
	}
}
