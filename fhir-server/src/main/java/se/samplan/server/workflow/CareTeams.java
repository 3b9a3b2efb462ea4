package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;

import java.util.ArrayList;
import java.util.List;

/** The plan's care team (SIP-team): everyone who takes part, created with the person when first needed. */
@Component
public class CareTeams {

	static final String PROFILE = SipPackage.structureDefinition("SipCareTeam");
	static final String CATEGORY_SYSTEM = SipPackage.codeSystem("sip-care-team");
	static final String ROLE_SYSTEM = SipPackage.codeSystem("sip-participant-role");

	private final DaoRegistry daoRegistry;

	CareTeams(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	/**
	 * Adds a member with a sip-participant-role to the plan's care team; returns what changed (the team,
	 * and the plan when the team is new).
	 */
	public List<Resource> addMember(CarePlan plan, String member, String role, RequestDetails request) {
		List<Resource> changed = new ArrayList<>();
		CareTeam team;
		boolean created = !plan.hasCareTeam();
		if (created) {
			team = new CareTeam();
			team.getMeta().addProfile(PROFILE);
			team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
			team.addCategory().addCoding(new Coding(CATEGORY_SYSTEM, "sip", null));
			team.setName("SIP-team: " + plan.getTitle());
			team.setSubject(new Reference(plan.getSubject().getReference()));
			addParticipant(team, plan.getSubject().getReference(), "person");
		} else {
			team = daoRegistry.getResourceDao(CareTeam.class)
					.read(plan.getCareTeamFirstRep().getReferenceElement().toUnqualifiedVersionless(), request);
			if (team.getParticipant().stream().anyMatch(p -> member.equals(p.getMember().getReference()))) {
				return changed;
			}
		}
		addParticipant(team, member, role);
		if (created) {
			team = (CareTeam) daoRegistry.getResourceDao(CareTeam.class).create(team, request).getResource();
			plan.addCareTeam(new Reference("CareTeam/" + team.getIdPart()));
			changed.add(team);
			changed.add((Resource) daoRegistry.getResourceDao(CarePlan.class).update(plan, request).getResource());
		} else {
			changed.add((Resource) daoRegistry.getResourceDao(CareTeam.class).update(team, request).getResource());
		}
		return changed;
	}

	private static void addParticipant(CareTeam team, String member, String role) {
		team.addParticipant().setMember(new Reference(member)).addRole().addCoding(new Coding(ROLE_SYSTEM, role, null));
	}
}
