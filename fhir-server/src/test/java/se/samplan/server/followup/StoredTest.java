package se.samplan.server.followup;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweeps' paged reads: every resource a query finds, once, over more than two pages. */
class StoredTest extends FollowUpTestSupport {

	@Autowired
	private Stored stored;
	@Autowired
	private DaoRegistry daoRegistry;

	@Test
	void forEachSeesEveryMatchOnceOverSeveralPages() {
		String system = "urn:uuid:" + UUID.randomUUID();
		int count = 2 * Stored.PAGE + 1;
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (int i = 0; i < count; i++) {
			Organization organization = new Organization().setName("Enhet " + i);
			organization.addIdentifier().setSystem(system).setValue(Integer.toString(i));
			transaction.addEntry().setResource(organization).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Organization");
		}
		daoRegistry.getSystemDao().transaction(new SystemRequestDetails(), transaction);

		List<String> seen = new ArrayList<>();
		stored.forEach(Organization.class, SearchParameterMap.newSynchronous().add(Organization.SP_IDENTIFIER, new TokenParam(system, null)),
				organization -> seen.add(organization.getIdentifierFirstRep().getValue()));

		assertThat(seen).hasSize(count).doesNotHaveDuplicates();
	}
}
