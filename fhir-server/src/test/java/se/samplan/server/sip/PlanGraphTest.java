package se.samplan.server.sip;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samplan.server.ServerTestBase;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PlanGraph} finds what HAPI's search of the plan with the same includes finds, for every stored plan. */
class PlanGraphTest extends ServerTestBase {

	@Autowired
	private PlanGraph graph;
	@Autowired
	private DaoRegistry daoRegistry;

	@Test
	void findsWhatASearchWithTheSameIncludesFinds() {
		List<String> plans = daoRegistry.getResourceDao(CarePlan.class).search(SearchParameterMap.newSynchronous(),
				new SystemRequestDetails()).getAllResources().stream().map(r -> r.getIdElement().getIdPart()).toList();
		assertThat(plans).isNotEmpty();
		int meetings = 0, consents = 0, roles = 0;
		for (String plan : plans) {
			List<IBaseResource> found = graph.planAndWhatItShows(plan).stream().map(IBaseResource.class::cast).toList();
			assertThat(keys(found)).as("CarePlan/" + plan).isEqualTo(keys(searchWithIncludes(plan)));
			meetings += found.stream().filter(Appointment.class::isInstance).count();
			consents += found.stream().filter(Consent.class::isInstance).count();
			roles += found.stream().filter(PractitionerRole.class::isInstance).count();
		}
		assertThat(meetings).as("meetings found by their link to the plan").isPositive();
		assertThat(consents).as("consents found by their link to the plan").isPositive();
		assertThat(roles).as("roles found through the care team and the consents").isPositive();
	}

	@Test
	void findsNothingForAPlanThatIsNotThere() {
		assertThat(graph.planAndWhatItShows("no-such-plan")).isEmpty();
	}

	/** The search PlanGraph stands in for. */
	private List<IBaseResource> searchWithIncludes(String plan) {
		SearchParameterMap search = SearchParameterMap.newSynchronous("_id", new TokenParam(plan));
		for (String include : List.of("CarePlan:subject", "CarePlan:goal", "CarePlan:care-team", "CarePlan:performer",
				"CarePlan:sip-overall-responsibility")) {
			search.addInclude(new Include(include));
		}
		for (String include : List.of("CareTeam:participant", "Appointment:actor", "Consent:actor", "PractitionerRole:organization")) {
			search.addInclude(new Include(include, true));
		}
		search.addRevInclude(new Include("Appointment:sip-care-plan"));
		search.addRevInclude(new Include("Consent:data"));
		return daoRegistry.getResourceDao(CarePlan.class).search(search, new SystemRequestDetails()).getAllResources();
	}

	private static Set<String> keys(List<IBaseResource> resources) {
		return resources.stream().map(r -> r.getIdElement().toUnqualifiedVersionless().getValue()).collect(Collectors.toSet());
	}
}
