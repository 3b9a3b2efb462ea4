package se.samplan.server.validation;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.StorageInterceptor;

/**
 * A CarePlan with the national care-plan type SIP ({@code typeofcareplan-cs#SIP}) is a SIP whatever
 * its meta says: the server adds the SipCarePlan profile so that it is validated as one.
 */
@Component
@Interceptor
public class SipCarePlanProfileDefaulter implements StorageInterceptor {

	public static final String CARE_PLAN_TYPE_SYSTEM = "https://fhir.inera.se/CodeSystem/typeofcareplan-cs";
	public static final String SIP_CARE_PLAN = SipPackage.structureDefinition("SipCarePlan");

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = ProfileValidationInterceptor.ORDER - 1)
	public void created(IBaseResource resource) {
		addProfile(resource);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = ProfileValidationInterceptor.ORDER - 1)
	public void updated(IBaseResource previous, IBaseResource resource) {
		addProfile(resource);
	}

	static boolean isSip(CarePlan plan) {
		return plan.getCategory().stream().anyMatch(c -> c.hasCoding(CARE_PLAN_TYPE_SYSTEM, "SIP"));
	}

	private static void addProfile(IBaseResource resource) {
		if (resource instanceof CarePlan plan && isSip(plan)
				&& plan.getMeta().getProfile().stream().noneMatch(p -> p.getValue().startsWith(SIP_CARE_PLAN))) {
			plan.getMeta().addProfile(SIP_CARE_PLAN);
		}
	}
}
