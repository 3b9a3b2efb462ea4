package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipUrls;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The plan's care team (SIP-team): everyone who takes part, created with the person when first needed. */
@Component
class CareTeams {

	private final DaoRegistry daoRegistry;
	private final PlanRepository plans;

	CareTeams(DaoRegistry daoRegistry, PlanRepository plans) {
		this.daoRegistry = daoRegistry;
		this.plans = plans;
	}

	/** The care team written, if any, and whether the plan now links a new team, so that its caller writes the plan. */
	record Joined(Optional<Resource> team, boolean linked) {}

	/**
	 * Adds members with a sip-participant-role to the plan's care team in one write. A plan without one gets a new
	 * team, with the person, linked on {@code plan}; the caller writes the plan, once with its other changes.
	 */
	Joined join(CarePlan plan, Collection<String> members, String role, RequestDetails request) {
		Set<String> joining = new LinkedHashSet<>(members);
		if (joining.isEmpty()) {
			return new Joined(Optional.empty(), false);
		}
		CareTeam team = plan.hasCareTeam() ? plans.read(plan.getCareTeamFirstRep(), CareTeam.class, request).orElse(null) : null;
		if (team == null) {
			team = new CareTeam();
			team.getMeta().addProfile(SipUrls.CARE_TEAM_PROFILE);
			team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
			team.addCategory().addCoding(new Coding(SipUrls.CARE_TEAM_SYSTEM, "sip", null));
			team.setName("SIP-team: " + plan.getTitle());
			team.setSubject(new Reference(plan.getSubject().getReference()));
			addParticipant(team, plan.getSubject().getReference(), "person");
			for (String member : joining) {
				addParticipant(team, member, role);
			}
			Resource created = (Resource) daoRegistry.getResourceDao(CareTeam.class).create(team, request).getResource();
			plan.getCareTeam().clear();
			plan.addCareTeam(new Reference("CareTeam/" + created.getIdElement().getIdPart()));
			return new Joined(Optional.of(created), true);
		}
		CareTeam current = team;
		joining.removeIf(member -> current.getParticipant().stream().anyMatch(p -> member.equals(p.getMember().getReference())));
		if (joining.isEmpty()) {
			return new Joined(Optional.empty(), false);
		}
		joining.forEach(member -> addParticipant(current, member, role));
		return new Joined(Optional.of((Resource) daoRegistry.getResourceDao(CareTeam.class).update(current, request).getResource()), false);
	}

	private static void addParticipant(CareTeam team, String member, String role) {
		team.addParticipant().setMember(new Reference(member)).addRole()
				.addCoding(new Coding(SipUrls.PARTICIPANT_ROLE_SYSTEM, role, null));
	}
}
