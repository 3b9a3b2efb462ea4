package se.samplan.server.sip;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The county's settings of the workflow (workflow.md, "Configuration"), under {@code samplan.workflow.*}.
 * The law says "without delay" (R4); counties set the day limits, so they are configuration, not code.
 */
@ConfigurationProperties("samplan.workflow")
public class WorkflowSettings {

	/** Days from the initiative to the invitation (R4). */
	private int daysFromInitiativeToInvitation = 14;
	/** Days from the invitation to the first meeting (R4). */
	private int daysFromInvitationToMeeting = 30;
	/** Days an invited organisation has to answer, when the invitation does not say (R5). */
	private int daysToAnswerInvitation = 5;
	/** After discharge (lag 2017:612): days from ready-for-discharge to the invitation. */
	private int dischargeInvitationDays = 3;
	/** Whether $sip-activate approves the plan for the person's portal (sip-approved-for-patient, R13). */
	private boolean approveForPatientOnActivate = true;
	/** R13: the person reads their own plan from this age. Used by patient access. */
	private int ownAccessFromAge = 16;
	/** R13: guardians read a child's plan until this age (13–15 only with the plan's guardian-access flag). */
	private int guardianAccessUntilAge = 13;
	/** R13: days after approval before a plan shows in the person's portal. */
	private int patientAccessDelayDays = 0;
	/** Whether a plain update or patch of a SIP CarePlan must carry If-Match (428 without); off by default. */
	private boolean requireIfMatchOnPlanUpdates = false;

	public boolean isRequireIfMatchOnPlanUpdates() {
		return requireIfMatchOnPlanUpdates;
	}

	public void setRequireIfMatchOnPlanUpdates(boolean require) {
		this.requireIfMatchOnPlanUpdates = require;
	}

	public int getDaysFromInitiativeToInvitation() {
		return daysFromInitiativeToInvitation;
	}

	public void setDaysFromInitiativeToInvitation(int days) {
		this.daysFromInitiativeToInvitation = days;
	}

	public int getDaysFromInvitationToMeeting() {
		return daysFromInvitationToMeeting;
	}

	public void setDaysFromInvitationToMeeting(int days) {
		this.daysFromInvitationToMeeting = days;
	}

	public int getDaysToAnswerInvitation() {
		return daysToAnswerInvitation;
	}

	public void setDaysToAnswerInvitation(int days) {
		this.daysToAnswerInvitation = days;
	}

	public int getDischargeInvitationDays() {
		return dischargeInvitationDays;
	}

	public void setDischargeInvitationDays(int days) {
		this.dischargeInvitationDays = days;
	}

	public boolean isApproveForPatientOnActivate() {
		return approveForPatientOnActivate;
	}

	public void setApproveForPatientOnActivate(boolean approve) {
		this.approveForPatientOnActivate = approve;
	}

	public int getOwnAccessFromAge() {
		return ownAccessFromAge;
	}

	public void setOwnAccessFromAge(int age) {
		this.ownAccessFromAge = age;
	}

	public int getGuardianAccessUntilAge() {
		return guardianAccessUntilAge;
	}

	public void setGuardianAccessUntilAge(int age) {
		this.guardianAccessUntilAge = age;
	}

	public int getPatientAccessDelayDays() {
		return patientAccessDelayDays;
	}

	public void setPatientAccessDelayDays(int days) {
		this.patientAccessDelayDays = days;
	}
}
