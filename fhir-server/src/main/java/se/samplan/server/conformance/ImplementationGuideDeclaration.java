package se.samplan.server.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.RestInterceptor;

/** The CapabilityStatement names the implementation guide the server conforms to (CapabilityStatement.implementationGuide). */
@Component
@Interceptor
class ImplementationGuideDeclaration implements RestInterceptor {

	static final String IMPLEMENTATION_GUIDE = SipPackage.CANONICAL + "/ImplementationGuide/" + SipPackage.ID;

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void declare(IBaseConformance capabilities) {
		CapabilityStatement cs = (CapabilityStatement) capabilities;
		if (cs.getImplementationGuide().stream().noneMatch(ig -> IMPLEMENTATION_GUIDE.equals(ig.getValue()))) {
			cs.addImplementationGuide(IMPLEMENTATION_GUIDE);
		}
	}
}
