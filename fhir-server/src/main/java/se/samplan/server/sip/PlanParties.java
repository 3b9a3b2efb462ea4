package se.samplan.server.sip;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which organisations take part in a SIP, and where a resource makes one a party: the plan's author and
 * contributors, who took the initiative, the organisation with overall responsibility, each activity's performer,
 * the members of its care teams (or the organisations they act for), the owner and requester of its invitations,
 * and the participants of its meetings. A PractitionerRole counts as its organisation. Both the rule that keeps
 * parties within the consent (R2) and the access decisions (R15) read these same facts, so no write can widen
 * who may read a plan without the consent.
 */
@Component
public class PlanParties {

	/** An organisation a resource makes a party, and the element that does. */
	public record Party(String organization, String expression) {}

	private final PlanRepository plans;

	PlanParties(PlanRepository plans) {
		this.plans = plans;
	}

	/** The parties a resource itself names (for a plan, also through the care teams it links). */
	public List<Party> namedBy(IBaseResource resource, RequestDetails request) {
		List<Party> parties = new ArrayList<>();
		if (resource instanceof CarePlan plan) {
			add(parties, plan.getAuthor(), "CarePlan.author", request);
			for (int i = 0; i < plan.getContributor().size(); i++) {
				add(parties, plan.getContributor().get(i), "CarePlan.contributor[" + i + "]", request);
			}
			add(parties, SipPlans.initiatedBy(plan), "CarePlan.extension('" + SipUrls.INITIATIVE + "')", request);
			add(parties, SipPlans.overallResponsibility(plan), "CarePlan.extension('" + SipUrls.OVERALL_RESPONSIBILITY + "')", request);
			for (int i = 0; i < plan.getActivity().size(); i++) {
				List<Reference> performers = plan.getActivity().get(i).getDetail().getPerformer();
				for (int j = 0; j < performers.size(); j++) {
					add(parties, performers.get(j), "CarePlan.activity[" + i + "].detail.performer[" + j + "]", request);
				}
			}
			for (int i = 0; i < plan.getCareTeam().size(); i++) {
				String expression = "CarePlan.careTeam[" + i + "]";
				plans.read(plan.getCareTeam().get(i), CareTeam.class, request).ifPresent(team ->
						namedBy(team, request).forEach(p -> parties.add(new Party(p.organization(), expression))));
			}
		} else if (resource instanceof CareTeam team) {
			for (int i = 0; i < team.getParticipant().size(); i++) {
				add(parties, team.getParticipant().get(i).getMember(), "CareTeam.participant[" + i + "].member", request);
				add(parties, team.getParticipant().get(i).getOnBehalfOf(), "CareTeam.participant[" + i + "].onBehalfOf", request);
			}
			for (int i = 0; i < team.getManagingOrganization().size(); i++) {
				add(parties, team.getManagingOrganization().get(i), "CareTeam.managingOrganization[" + i + "]", request);
			}
		} else if (resource instanceof Task task) {
			add(parties, task.getOwner(), "Task.owner", request);
			add(parties, task.getRequester(), "Task.requester", request);
		} else if (resource instanceof Appointment meeting) {
			for (int i = 0; i < meeting.getParticipant().size(); i++) {
				add(parties, meeting.getParticipant().get(i).getActor(), "Appointment.participant[" + i + "].actor", request);
			}
		}
		return parties;
	}

	/** Every organisation taking part in the plan: named by it, by its invitations and by its meetings. */
	public Set<String> of(CarePlan plan, RequestDetails request) {
		Set<String> organizations = new LinkedHashSet<>();
		namedBy(plan, request).forEach(p -> organizations.add(p.organization()));
		String key = plans.keyOf(plan, request);
		if (key != null) {
			plans.tasks(key, request).forEach(t -> namedBy(t, request).forEach(p -> organizations.add(p.organization())));
			plans.meetings(key, request).forEach(m -> namedBy(m, request).forEach(p -> organizations.add(p.organization())));
		}
		return organizations;
	}

	/** The organisation that took the initiative ({@code sip-initiative.initiatedBy}, else the author's). */
	public String initiator(CarePlan plan, RequestDetails request) {
		String by = plans.organizationOf(SipPlans.initiatedBy(plan), request);
		return by != null ? by : plans.organizationOf(plan.getAuthor(), request);
	}

	/** The organisation holding overall responsibility, or else the initiator's: it keeps the closed record. */
	public String responsible(CarePlan plan, RequestDetails request) {
		String overall = plans.organizationOf(SipPlans.overallResponsibility(plan), request);
		return overall != null ? overall : initiator(plan, request);
	}

	/** What decides who may take part in and read the plan: its parties, its SIP consents, initiator, responsible. */
	public PartyFacts facts(CarePlan plan, RequestDetails request) {
		String key = plans.keyOf(plan, request);
		List<PartyFacts.ConsentFact> consents = key == null ? List.of() : plans.consents(key, request).stream()
				.filter(SipResources::isSipConsent)
				.map(c -> new PartyFacts.ConsentFact(c.getStatus() == Consent.ConsentState.ACTIVE,
						c.getProvision().getPeriod().getEnd(), Set.copyOf(SipResources.actors(c).stream()
								.map(a -> plans.key(a, request)).filter(Objects::nonNull).toList())))
				.toList();
		return new PartyFacts(Set.copyOf(of(plan, request)), consents, initiator(plan, request), responsible(plan, request));
	}

	private void add(List<Party> parties, Reference reference, String expression, RequestDetails request) {
		String organization = plans.organizationOf(reference, request);
		if (organization != null) {
			parties.add(new Party(organization, expression));
		}
	}

	/** Whether the resource is a kind that can make an organisation a party of a plan. */
	public static boolean namesParties(Resource resource) {
		return resource instanceof CarePlan || resource instanceof CareTeam || resource instanceof Task
				|| resource instanceof Appointment;
	}
}
