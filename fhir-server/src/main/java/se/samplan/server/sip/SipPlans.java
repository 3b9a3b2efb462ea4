package se.samplan.server.sip;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * What makes a CarePlan a SIP (the national care-plan type SIP in its category, whatever its meta says) and
 * the accessors of the SIP extensions on it: overall responsibility, next follow-up, initiative, closure, and
 * whether the person and guardians may read it (fhir-model.md, "Extensions").
 */
public final class SipPlans {

	private SipPlans() {}

	public static boolean isSip(IBaseResource resource) {
		return resource instanceof CarePlan plan
				&& plan.getCategory().stream().anyMatch(c -> c.hasCoding(SipUrls.CARE_PLAN_TYPE_SYSTEM, "SIP"));
	}

	/** Adds the SipCarePlan profile to a SIP CarePlan that does not declare it, so it is validated as one. */
	public static void declareProfile(IBaseResource resource) {
		if (isSip(resource) && resource.getMeta().getProfile().stream()
				.noneMatch(p -> SipUrls.CARE_PLAN_PROFILE.equals(p.getValue()))) {
			resource.getMeta().addProfile(SipUrls.CARE_PLAN_PROFILE);
		}
	}

	/** A new SIP CarePlan: profile, category and intent, in phase initiated. */
	public static CarePlan newPlan() {
		CarePlan plan = new CarePlan();
		plan.getMeta().addProfile(SipUrls.CARE_PLAN_PROFILE);
		plan.setIntent(CarePlan.CarePlanIntent.PLAN);
		plan.addCategory().addCoding(new Coding(SipUrls.CARE_PLAN_TYPE_SYSTEM, "SIP", "Samordnad individuell plan"));
		SipPhase.INITIATED.applyTo(plan, false);
		return plan;
	}

	/** The organisation holding overall responsibility ({@code sip-overall-responsibility}), or null. */
	public static Reference overallResponsibility(CarePlan plan) {
		return plan.getExtensionByUrl(SipUrls.OVERALL_RESPONSIBILITY) != null
				&& plan.getExtensionByUrl(SipUrls.OVERALL_RESPONSIBILITY).getValue() instanceof Reference r ? r : null;
	}

	public static Optional<Date> nextFollowUp(CarePlan plan) {
		Extension e = plan.getExtensionByUrl(SipUrls.NEXT_FOLLOW_UP);
		return e != null && e.getValue() instanceof DateTimeType d && d.hasValue() ? Optional.of(d.getValue()) : Optional.empty();
	}

	public static void setNextFollowUp(CarePlan plan, DateTimeType next) {
		plan.getExtension().removeIf(e -> SipUrls.NEXT_FOLLOW_UP.equals(e.getUrl()));
		plan.addExtension(SipUrls.NEXT_FOLLOW_UP, next);
	}

	/** Who took the initiative ({@code sip-initiative.initiatedBy}), or null. */
	public static Reference initiatedBy(CarePlan plan) {
		return initiativePart(plan, "initiatedBy") instanceof Reference r ? r : null;
	}

	/** When the initiative was taken ({@code sip-initiative.date}): the clock of R4 starts. */
	public static Optional<Date> initiativeDate(CarePlan plan) {
		return initiativePart(plan, "date") instanceof DateTimeType d && d.hasValue() ? Optional.of(d.getValue()) : Optional.empty();
	}

	public static void setInitiative(CarePlan plan, Reference by, Date date, StringType reason, CodeType context) {
		plan.getExtension().removeIf(e -> SipUrls.INITIATIVE.equals(e.getUrl()));
		Extension initiative = plan.addExtension().setUrl(SipUrls.INITIATIVE);
		initiative.addExtension("initiatedBy", by);
		initiative.addExtension("date", new DateTimeType(date));
		if (reason != null && reason.hasValue()) {
			initiative.addExtension("reason", reason);
		}
		if (context != null && context.hasValue()) {
			initiative.addExtension("context", context);
		}
	}

	/** The day the person was ready for discharge ({@code sip-initiative.readyForDischarge}), if given. */
	public static Optional<LocalDate> readyForDischarge(CarePlan plan) {
		return initiativePart(plan, "readyForDischarge") instanceof DateType d && d.hasValue()
				? Optional.of(LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDay())) : Optional.empty();
	}

	public static void setReadyForDischarge(CarePlan plan, LocalDate day) {
		plan.getExtensionByUrl(SipUrls.INITIATIVE).addExtension("readyForDischarge", new DateType(day.toString()));
	}

	/** The plan's deadline of this kind ({@code sip-due}, kind from sip-due-kind), if it has one. */
	public static Optional<LocalDate> due(CarePlan plan, String kind) {
		return plan.getExtensionsByUrl(SipUrls.DUE).stream()
				.filter(e -> e.getExtensionByUrl("kind") != null && kind.equals(e.getExtensionByUrl("kind").getValue().primitiveValue()))
				.map(e -> e.getExtensionByUrl("date"))
				.filter(d -> d != null && d.getValue() instanceof DateType t && t.hasValue())
				.map(d -> LocalDate.parse(d.getValue().primitiveValue())).findFirst();
	}

	/** Replaces the plan's deadlines by these, kind to day, in the order given. */
	public static void setDue(CarePlan plan, Map<String, LocalDate> dues) {
		plan.getExtension().removeIf(e -> SipUrls.DUE.equals(e.getUrl()));
		dues.forEach((kind, day) -> {
			Extension due = plan.addExtension().setUrl(SipUrls.DUE);
			due.addExtension("kind", new CodeType(kind));
			due.addExtension("date", new DateType(day.toString()));
		});
	}

	private static Object initiativePart(CarePlan plan, String part) {
		Extension initiative = plan.getExtensionByUrl(SipUrls.INITIATIVE);
		Extension e = initiative == null ? null : initiative.getExtensionByUrl(part);
		return e == null ? null : e.getValue();
	}

	/** Whether the plan may be shown to the person: not marked {@code sip-approved-for-patient} false. */
	public static boolean approvedForPatient(CarePlan plan) {
		return !(plan.getExtensionByUrl(SipUrls.APPROVED_FOR_PATIENT) != null
				&& plan.getExtensionByUrl(SipUrls.APPROVED_FOR_PATIENT).getValue() instanceof BooleanType b && !b.booleanValue());
	}

	public static void setApprovedForPatient(CarePlan plan, boolean approved) {
		plan.getExtension().removeIf(e -> SipUrls.APPROVED_FOR_PATIENT.equals(e.getUrl()));
		plan.addExtension(SipUrls.APPROVED_FOR_PATIENT, new BooleanType(approved));
	}

	/** Whether guardians may read the plan of a child of 13–15 ({@code sip-guardian-access}). */
	public static boolean guardianAccess(CarePlan plan) {
		return plan.getExtensionByUrl(SipUrls.GUARDIAN_ACCESS) != null
				&& plan.getExtensionByUrl(SipUrls.GUARDIAN_ACCESS).getValue() instanceof BooleanType b && b.booleanValue();
	}

	/** The reason the plan was closed ({@code sip-closure.reason}), if it was. */
	public static Optional<Coding> closureReason(CarePlan plan) {
		Extension closure = plan.getExtensionByUrl(SipUrls.CLOSURE);
		Extension reason = closure == null ? null : closure.getExtensionByUrl("reason");
		return reason != null && reason.getValue() instanceof Coding c ? Optional.of(c) : Optional.empty();
	}

	public static void setClosure(CarePlan plan, Coding reason, DateTimeType date, String note) {
		plan.getExtension().removeIf(e -> SipUrls.CLOSURE.equals(e.getUrl()));
		Extension closure = plan.addExtension().setUrl(SipUrls.CLOSURE);
		closure.addExtension("reason", reason);
		closure.addExtension("date", date);
		if (note != null && !note.isBlank()) {
			closure.addExtension("note", new StringType(note));
		}
	}
}
