package se.samplan.server.access;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.samplan.profiles.SipPackage;
import se.samplan.server.workflow.WorkflowTestSupport;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search's page shows no include that only a hidden match brought in, even one the caller may read by itself (the
 * person's own record, included by a plan held back from them), also as a batch or transaction entry, and keeps
 * the includes of what it shows.
 */
@Tag("R13")
class IncludesOfHiddenTest extends WorkflowTestSupport {

	private static final String PERSON = "Patient/sip1-patient";

	@Test
	void aPlanHeldBackFromThePersonBringsInNothing() {
		actAs(INITIATOR);
		String person = newPatient();
		CarePlan plan = initiated(person);
		plan.addExtension(SipPackage.structureDefinition("sip-approved-for-patient"), new BooleanType(false));
		client.update().resource(plan).withId(plan.getIdElement().toVersionless()).execute();
		assertThat(keys(search("CarePlan?subject=" + person + "&_include=CarePlan:subject"), null))
				.as("as the initiator").containsExactly(plan.getIdElement().toUnqualifiedVersionless().getValue(), person);
		actAs(person);
		assertThat(client.read().resource("Patient").withUrl(person).execute()).as("the person reads their record").isNotNull();
		String query = "CarePlan?subject=" + person + "&_include=CarePlan:subject";
		assertThat(search(query).getEntry()).isEmpty();
		for (Bundle.BundleType type : List.of(Bundle.BundleType.BATCH, Bundle.BundleType.TRANSACTION)) {
			Bundle bundle = new Bundle().setType(type);
			bundle.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(query);
			Bundle answer = client.transaction().withBundle(bundle).execute();
			assertThat(((Bundle) answer.getEntryFirstRep().getResource()).getEntry()).as("as a %s entry", type).isEmpty();
		}
	}

	@Test
	void includesOfWhatIsShownStayWhenOthersAreHidden() {
		actAs(OPERATOR);
		assertThat(count("CarePlan?_count=200")).as("other persons' plans exist").isGreaterThan(1);
		String own = "CarePlan/" + demoPlan(PERSON);
		actAs(PERSON);
		Bundle page = search("CarePlan?_include=CarePlan:subject&_count=200");
		assertThat(keys(page, Bundle.SearchEntryMode.MATCH)).containsExactly(own);
		assertThat(keys(page, Bundle.SearchEntryMode.INCLUDE)).containsExactly(PERSON);
		page = search("Patient?_revinclude=CarePlan:subject&_count=200");
		assertThat(keys(page, Bundle.SearchEntryMode.MATCH)).containsExactly(PERSON);
		assertThat(keys(page, Bundle.SearchEntryMode.INCLUDE)).containsExactly(own);
	}

	private Bundle search(String query) {
		return client.search().byUrl(query).returnBundle(Bundle.class).execute();
	}

	/** The entries' keys, of one search mode or all. */
	private static List<String> keys(Bundle page, Bundle.SearchEntryMode mode) {
		return page.getEntry().stream().filter(e -> mode == null || e.getSearch().getMode() == mode)
				.map(Bundle.BundleEntryComponent::getResource).map(Resource::getIdElement)
				.map(id -> id.toUnqualifiedVersionless().getValue()).toList();
	}
}
