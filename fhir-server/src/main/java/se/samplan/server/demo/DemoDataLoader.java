package se.samplan.server.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.conformance.SipPackageInstalled;

import java.util.Map;

/**
 * Loads the example scenarios of the samplan.fhir.sip package (its transaction Bundles) at start-up.
 * A scenario already in the database is left alone, so restarts change nothing. The writes pass the
 * same validation and rules as any client's.
 */
@Component
@Profile("demo")
public class DemoDataLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final FhirContext ctx;
	private final IFhirSystemDao<Bundle, ?> systemDao;
	private final DaoRegistry daoRegistry;

	DemoDataLoader(FhirContext ctx, IFhirSystemDao<Bundle, ?> systemDao, DaoRegistry daoRegistry) {
		this.ctx = ctx;
		this.systemDao = systemDao;
		this.daoRegistry = daoRegistry;
	}

	@EventListener(SipPackageInstalled.class)
	public void load() {
		for (Map.Entry<String, String> e : SipPackage.examples().entrySet()) {
			if (!e.getKey().startsWith("Bundle-")) {
				continue;
			}
			Bundle bundle = ctx.newJsonParser().parseResource(Bundle.class, e.getValue());
			if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
				continue;
			}
			if (exists(bundle.getEntryFirstRep().getResource())) {
				log.info("Demo scenario {} is already loaded", bundle.getIdPart());
				continue;
			}
			systemDao.transaction(new SystemRequestDetails(), bundle);
			log.info("Loaded demo scenario {} ({} resources)", bundle.getIdPart(), bundle.getEntry().size());
		}
	}

	private boolean exists(Resource resource) {
		try {
			daoRegistry.getResourceDao(resource.fhirType()).read(resource.getIdElement(), new SystemRequestDetails());
			return true;
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return false;
		}
	}
}
