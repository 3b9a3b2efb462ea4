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

import java.util.ArrayList;
import java.util.List;

/** The plan's care team (SIP-team): everyone who takes part, created with the person when first needed. */
@Component
class CareTeams {

	private final DaoRegistry daoRegistry;
	private final PlanRepository plans;

	CareTeams(DaoRegistry daoRegistry, PlanRepository plans) {
		this.daoRegistry = daoRegistry;
		this.plans = plans;
	}

	/**
	 * Adds a member with a sip-participant-role to the plan's care team; returns what changed (the team,
	 * and the plan when the team is new).
	 */
	List<Resource> addMember(CarePlan plan, String member, String role, RequestDetails request) {
		List<Resource> changed = new ArrayList<>();
		CareTeam team = plan.hasCareTeam() ? plans.read(plan.getCareTeamFirstRep(), CareTeam.class, request).orElse(null) : null;
		if (team == null) {
			team = new CareTeam();
			team.getMeta().addProfile(SipUrls.CARE_TEAM_PROFILE);
			team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
			team.addCategory().addCoding(new Coding(SipUrls.CARE_TEAM_SYSTEM, "sip", null));
			team.setName("SIP-team: " + plan.getTitle());
			team.setSubject(new Reference(plan.getSubject().getReference()));
			addParticipant(team, plan.getSubject().getReference(), "person");
			addParticipant(team, member, role);
			team = (CareTeam) daoRegistry.getResourceDao(CareTeam.class).create(team, request).getResource();
			plan.getCareTeam().clear();
			plan.addCareTeam(new Reference("CareTeam/" + team.getIdPart()));
			changed.add(team);
			changed.add((Resource) daoRegistry.getResourceDao(CarePlan.class).update(plan, request).getResource());
		} else if (team.getParticipant().stream().noneMatch(p -> member.equals(p.getMember().getReference()))) {
			addParticipant(team, member, role);
			changed.add((Resource) daoRegistry.getResourceDao(CareTeam.class).update(team, request).getResource());
		}
		return changed;
	}

	private static void addParticipant(CareTeam team, String member, String role) {
		team.addParticipant().setMember(new Reference(member)).addRole()
				.addCoding(new Coding(SipUrls.PARTICIPANT_ROLE_SYSTEM, role, null));
	}
}
