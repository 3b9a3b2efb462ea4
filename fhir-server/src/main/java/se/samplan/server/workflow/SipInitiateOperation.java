package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.access.Callers;
import se.samplan.server.hapi.CreatedResponse;
import se.samplan.server.hapi.OperationProvider;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.validation.SipCarePlan;

import java.util.Date;

/**
 * {@code POST [base]/CarePlan/$sip-initiate}: someone takes the initiative to a SIP (R1) for a person;
 * the plan is created in phase initiated, and the clock of R4 starts. The write passes the same rules as
 * any other (R8 one open plan, R11 ÖPT/ÖRV) and the SipCarePlan profile. Answers 201 with Location.
 */
@Component
public class SipInitiateOperation implements OperationProvider {

	static final String INITIATIVE = SipPackage.structureDefinition("sip-initiative");
	private static final String DEFAULT_TITLE = "Samordnad individuell plan";

	private final DaoRegistry daoRegistry;

	private final SipRecords records;
	private final Callers callers;
	private final WorkflowSettings settings;

	SipInitiateOperation(DaoRegistry daoRegistry, SipRecords records, Callers callers, WorkflowSettings settings) {
		this.daoRegistry = daoRegistry;
		this.records = records;
		this.callers = callers;
		this.settings = settings;
	}

	@Operation(name = "$sip-initiate", type = CarePlan.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-initiate")
	public CarePlan initiate(
			@OperationParam(name = "patient", min = 1, max = 1) Reference patient,
			@OperationParam(name = "initiator", min = 1, max = 1) Reference initiator,
			@OperationParam(name = "reason", max = 1) StringType reason,
			@OperationParam(name = "context", max = 1) CodeType context,
			@OperationParam(name = "title", max = 1) StringType title,
			RequestDetails request) {
		requireReference(patient, "patient", "Patient", "personen");
		requireReference(initiator, "initiator", null, "den som tar initiativet");
		callers.organizationOf(request).ifPresent(caller -> requireOwnInitiator(caller, initiator));

		CarePlan plan = new CarePlan();
		plan.getMeta().addProfile(SipCarePlan.PROFILE);
		SipPhase.INITIATED.applyTo(plan, false);
		plan.setIntent(CarePlan.CarePlanIntent.PLAN);
		plan.addCategory().addCoding(new Coding(SipCarePlan.CARE_PLAN_TYPE_SYSTEM, "SIP", "Samordnad individuell plan"));
		plan.setSubject(new Reference(patient.getReference()));
		plan.setTitle(title != null && title.hasValue() ? title.getValue() : DEFAULT_TITLE);
		Date now = new Date();
		plan.setCreated(now);
		plan.setAuthor(new Reference(initiator.getReference()));
		if (!settings.isApproveForPatientOnActivate()) {
			// Held back from the person's portal until someone approves it (R13).
			plan.addExtension(SipActivateOperation.APPROVED_FOR_PATIENT, new BooleanType(false));
		}
		Extension initiative = plan.addExtension().setUrl(INITIATIVE);
		initiative.addExtension("initiatedBy", new Reference(initiator.getReference()));
		initiative.addExtension("date", new DateTimeType(now));
		if (reason != null && reason.hasValue()) {
			initiative.addExtension("reason", reason);
		}
		if (context != null && context.hasValue()) {
			initiative.addExtension("context", context);
		}

		CarePlan created = (CarePlan) daoRegistry.getResourceDao(CarePlan.class).create(plan, request).getResource();
		CreatedResponse.mark(request, created.getIdElement());
		return created;
	}

	/** The initiator is the caller's organisation or one of its PractitionerRoles (R15). */
	private void requireOwnInitiator(String callerOrganization, Reference initiator) {
		String ref = initiator.getReferenceElement().toUnqualifiedVersionless().getValue();
		String organization = ref.startsWith("Organization/") ? ref
				: records.practitionerRole(initiator).map(r -> r.getOrganization().getReferenceElement().toUnqualifiedVersionless().getValue()).orElse(null);
		if (!callerOrganization.equals(organization)) {
			throw Refusal.create().issue(IssueType.FORBIDDEN, SipRule.R15.coding(),
					"Den som tar initiativet ska höra till din egen verksamhet.",
					"The initiator " + ref + " is not of the caller's organisation " + callerOrganization + ".",
					"Parameters.parameter.where(name = 'initiator')").forbidden();
		}
	}

	private static void requireReference(Reference ref, String name, String type, String swedishName) {
		boolean ok = ref != null && ref.hasReference()
				&& (type == null || type.equals(ref.getReferenceElement().getResourceType()));
		if (!ok) {
			throw Refusal.create().issue(IssueType.REQUIRED,
					"Ange " + swedishName + " som en referens" + (type == null ? "" : " till " + type) + ".",
					"Parameter '" + name + "' must be a reference" + (type == null ? "" : " to a " + type) + ".",
					"Parameters.parameter.where(name = '" + name + "')").invalidRequest();
		}
	}
}
