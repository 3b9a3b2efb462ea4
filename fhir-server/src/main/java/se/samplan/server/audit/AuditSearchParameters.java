package se.samplan.server.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.SearchParameter;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.conformance.SipPackageInstalled;

import java.util.Set;

/**
 * The audit log is indexed only by what it is searched by: the person's view ({@code patient}, {@code date})
 * and the operator's ({@code agent}, {@code entity}, {@code date}). HAPI's other AuditEvent search parameters
 * are retired, each by a SearchParameter of the same code with status retired (HAPI's way to switch off a
 * built-in one), so an AuditEvent writes a handful of index rows instead of some sixty.
 */
@Component
class AuditSearchParameters {

	static final Set<String> KEPT = Set.of("patient", "date", "agent", "entity");
	static final String URL_PREFIX = "https://samplan.github.io/fhir/SearchParameter/retired-AuditEvent-";

	private final FhirContext fhir;
	private final DaoRegistry daoRegistry;
	private final JpaStorageSettings storageSettings;
	private final ISearchParamRegistry registry;

	AuditSearchParameters(FhirContext fhir, DaoRegistry daoRegistry, JpaStorageSettings storageSettings,
			ISearchParamRegistry registry) {
		this.fhir = fhir;
		this.daoRegistry = daoRegistry;
		this.storageSettings = storageSettings;
		this.registry = registry;
	}

	@Order(0) // before the demo data, whose AuditEvents then have the narrow indexes too
	@EventListener(SipPackageInstalled.class)
	public void retire() {
		// Only AuditEvents would be reindexed, and only to drop the retired parameters' rows; none are needed.
		boolean reindex = storageSettings.isMarkResourcesForReindexingUponSearchParameterChange();
		storageSettings.setMarkResourcesForReindexingUponSearchParameterChange(false);
		try {
			for (RuntimeSearchParam builtIn : fhir.getResourceDefinition("AuditEvent").getSearchParams()) {
				if (!KEPT.contains(builtIn.getName()) && !builtIn.getName().startsWith("_") && builtIn.getPath() != null
						&& !builtIn.getPath().isBlank()) {
					// An update with the same content writes nothing, so restarts and several nodes change nothing.
					daoRegistry.getResourceDao(SearchParameter.class).update(retired(builtIn), new SystemRequestDetails());
				}
			}
		} finally {
			storageSettings.setMarkResourcesForReindexingUponSearchParameterChange(reindex);
		}
		registry.forceRefresh();
	}

	private static SearchParameter retired(RuntimeSearchParam builtIn) {
		SearchParameter sp = new SearchParameter();
		sp.setId("retired-AuditEvent-" + builtIn.getName());
		sp.setUrl(URL_PREFIX + builtIn.getName());
		sp.setName(builtIn.getName());
		sp.setCode(builtIn.getName());
		sp.addBase("AuditEvent");
		sp.setStatus(Enumerations.PublicationStatus.RETIRED);
		sp.setType(Enumerations.SearchParamType.fromCode(builtIn.getParamType().getCode()));
		sp.setExpression(builtIn.getPath());
		sp.setDescription("Not indexed by Samplan: the audit log is searched by patient, date, agent and entity.");
		return sp;
	}
}
