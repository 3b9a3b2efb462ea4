package se.samplan.server.sip;

import ca.uhn.fhir.interceptor.model.RequestPartitionId;
import ca.uhn.fhir.jpa.api.svc.IIdHelperService;
import ca.uhn.fhir.jpa.api.svc.ResolveIdentityMode;
import ca.uhn.fhir.jpa.dao.SearchBuilderFactory;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The plan and what the person's view of it shows, found by following the plan's links in HAPI's reference index
 * ({@code HFJ_RES_LINK}) and loaded in one batch by HAPI. The same resources as a search of the plan with
 * {@code _include} of each link below, {@code :iterate} of the further ones and {@code _revinclude} of those that
 * point at the plan; but HAPI runs one query per include parameter and round (fifteen for a plan), this one query
 * per step from the plan (three or four), which made them most of the cost of {@code $sip-summary}.
 */
@Component
class PlanGraph {

	/** Followed from the plan: its person, goals, care team, the performers of its services, overall responsibility. */
	private static final List<String> FROM_PLAN = List.of("CarePlan:subject", "CarePlan:goal", "CarePlan:care-team",
			"CarePlan:performer", "CarePlan:sip-overall-responsibility");
	/** Followed from everything found: the team's members, meetings' and consents' actors, roles' organisations. */
	private static final List<String> FROM_ANY = List.of("CareTeam:participant", "Appointment:actor", "Consent:actor",
			"PractitionerRole:organization");
	/** The links that point at the plan: its meetings and its consents. */
	private static final List<String> TO_PLAN = List.of("Appointment:sip-care-plan", "Consent:data");

	private final NamedParameterJdbcTemplate jdbc;
	private final ISearchParamRegistry searchParams;
	private final IIdHelperService<JpaPid> ids;
	private final SearchBuilderFactory<JpaPid> searchBuilders;
	private final IHapiTransactionService transactions;

	PlanGraph(NamedParameterJdbcTemplate jdbc, ISearchParamRegistry searchParams, IIdHelperService<JpaPid> ids,
			SearchBuilderFactory<JpaPid> searchBuilders, IHapiTransactionService transactions) {
		this.jdbc = jdbc;
		this.searchParams = searchParams;
		this.ids = ids;
		this.searchBuilders = searchBuilders;
		this.transactions = transactions;
	}

	/** As stored; empty when there is no such plan. */
	List<Resource> planAndWhatItShows(String planId) {
		return transactions.withSystemRequest().readOnly().execute(() -> {
			JpaPid plan;
			try {
				plan = ids.resolveResourceIdentityPid(RequestPartitionId.allPartitions(), "CarePlan", planId,
						ResolveIdentityMode.excludeDeleted().cacheOk());
			} catch (ResourceNotFoundException e) {
				return List.<Resource>of();
			}
			Set<Long> found = new LinkedHashSet<>();
			found.add(plan.getId());
			found.addAll(jdbc.queryForList("SELECT src_resource_id FROM hfj_res_link WHERE target_resource_id = :plan"
					+ " AND src_path IN (:paths)", Map.of("plan", plan.getId(), "paths", paths(TO_PLAN)), Long.class));
			// CarePlan paths are followed from the plan alone, as none of the further links leads to a CarePlan.
			List<String> onward = paths(Stream.concat(FROM_PLAN.stream(), FROM_ANY.stream()).toList());
			List<Long> step = List.copyOf(found);
			while (!step.isEmpty()) {
				step = jdbc.queryForList("SELECT target_resource_id FROM hfj_res_link WHERE src_resource_id IN (:from)"
								+ " AND src_path IN (:paths) AND target_resource_id IS NOT NULL",
						Map.of("from", step, "paths", onward), Long.class).stream().filter(found::add).toList();
			}
			List<IBaseResource> loaded = new ArrayList<>();
			// Deleted resources are left out by the loading.
			searchBuilders.newSearchBuilder("CarePlan", CarePlan.class)
					.loadResourcesByPid(JpaPid.fromLongList(found), List.of(), loaded, false, new SystemRequestDetails());
			return loaded.stream().map(Resource.class::cast).toList();
		});
	}

	/** The reference paths HAPI indexes for {@code Type:parameter} search parameters, as in {@code HFJ_RES_LINK.SRC_PATH}. */
	private List<String> paths(List<String> parameters) {
		return parameters.stream().flatMap(p -> {
			String type = p.substring(0, p.indexOf(':'));
			var param = searchParams.getActiveSearchParam(type, p.substring(p.indexOf(':') + 1),
					ISearchParamRegistry.SearchParamLookupContextEnum.SEARCH);
			if (param == null) {
				throw new IllegalStateException("No search parameter " + p);
			}
			return param.getPathsSplitForResourceType(type).stream();
		}).distinct().toList();
	}
}
