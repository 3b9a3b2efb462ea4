package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import se.samplan.server.ServerTestBase;
import se.samplan.server.validation.SipCarePlan;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests the workflow tests share: initiate a plan, build plain SIP plans and transactions. */
abstract class WorkflowTestSupport extends ServerTestBase {

	static final String INITIATOR = "PractitionerRole/sip1-role-distriktsskoterska";

	HttpResponse<String> initiate(String patient) {
		Parameters in = new Parameters();
		in.addParameter().setName("patient").setValue(new Reference(patient));
		in.addParameter().setName("initiator").setValue(new Reference(INITIATOR));
		in.addParameter().setName("reason").setValue(new org.hl7.fhir.r4.model.StringType("Behöver hemtjänst och hemsjukvård."));
		return postJson("/CarePlan/$sip-initiate", in);
	}

	CarePlan initiated(String patient) {
		HttpResponse<String> r = initiate(patient);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return CTX.newJsonParser().parseResource(CarePlan.class, r.body());
	}

	HttpResponse<String> close(String planId, String reason) {
		Parameters in = new Parameters();
		in.addParameter().setName("reason").setValue(new Coding(SipCloseOperation.CLOSURE_REASON_SYSTEM, reason, null));
		in.addParameter().setName("note").setValue(new org.hl7.fhir.r4.model.StringType("Avslutad i test."));
		return postJson("/CarePlan/" + planId + "/$sip-close", in);
	}

	/** A draft SIP CarePlan as a client would POST it, without the operation. */
	static CarePlan plainSip(String patient) {
		CarePlan plan = new CarePlan().setStatus(CarePlan.CarePlanStatus.DRAFT).setIntent(CarePlan.CarePlanIntent.PLAN)
				.setTitle("Samordnad individuell plan");
		plan.addCategory().addCoding(new Coding(SipCarePlan.CARE_PLAN_TYPE_SYSTEM, "SIP", null));
		plan.setSubject(new Reference(patient));
		return plan;
	}

	static Bundle transaction(Resource... creates) {
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (Resource r : creates) {
			tx.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(r)
					.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType());
		}
		return tx;
	}

	int count(String query) {
		return client.search().byUrl(query).returnBundle(Bundle.class).execute().getEntry().size();
	}
}
