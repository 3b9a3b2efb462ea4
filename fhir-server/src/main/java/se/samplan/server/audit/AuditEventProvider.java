package se.samplan.server.audit;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.SearchTotalModeEnum;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.method.ResponsePage;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.springframework.stereotype.Component;
import se.samplan.server.access.AccessPolicy;
import se.samplan.server.access.Caller;
import se.samplan.server.access.Callers;
import se.samplan.server.hapi.OwnResourceProvider;
import se.samplan.server.hapi.SamplanProperties;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * {@code AuditEvent} at {@code /fhir}: read and search of the audit log ({@link AuditLog}) by what it is searched
 * by: the person's view ({@code patient}, {@code date}) and the operator's ({@code agent}, {@code entity},
 * {@code date}), newest first ({@code _sort=date} for oldest first), paged by {@code _offset}. The operator sees
 * every event; the person and a guardian the events about the people they may read for; everyone else none. There is
 * no create, update or delete: the log is written by the server alone.
 */
@Component
public class AuditEventProvider implements OwnResourceProvider {

	private final AuditLog log;
	private final Callers callers;
	private final AccessPolicy policy;
	private final SamplanProperties properties;

	AuditEventProvider(AuditLog log, Callers callers, AccessPolicy policy, SamplanProperties properties) {
		this.log = log;
		this.callers = callers;
		this.policy = policy;
		this.properties = properties;
	}

	@Override
	public Class<AuditEvent> getResourceType() {
		return AuditEvent.class;
	}

	@Read
	public AuditEvent read(@IdParam IdType id, RequestDetails request) {
		List<String> readable = readablePersons(request);
		return log.read(id.getIdPart()).filter(e -> readable == null || readable.contains(AuditLog.patientOf(e)))
				.map(e -> asShownTo(e, request))
				.orElseThrow(() -> new ResourceNotFoundException(id.toUnqualifiedVersionless()));
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceAndListParam patient,
			@OptionalParam(name = AuditEvent.SP_AGENT) ReferenceAndListParam agent,
			@OptionalParam(name = AuditEvent.SP_ENTITY) ReferenceAndListParam entity,
			@OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
			@Sort SortSpec sort, @Count Integer count, @Offset Integer offset, RequestDetails request) {
		if (request.getParameters().containsKey(Constants.PARAM_CONTENT) || request.getParameters().containsKey(Constants.PARAM_TEXT)) {
			throw new InvalidRequestException("The audit log is not searched by full text (_content, _text).");
		}
		List<String> patients = readablePersons(request);
		if (patient != null) {
			for (ReferenceOrListParam or : patient.getValuesAsQueryTokens()) {
				List<String> asked = values(or, "Patient");
				patients = patients == null ? asked : patients.stream().filter(asked::contains).toList();
			}
		}
		if (sort != null && (!AuditEvent.SP_DATE.equals(sort.getParamName()) || sort.getChain() != null)) {
			throw new InvalidRequestException("The audit log is sorted by date only (_sort=date or _sort=-date).");
		}
		AuditLog.Query query = new AuditLog.Query(patients, all(agent, null), all(entity, null),
				date == null ? null : date.getLowerBoundAsInstant(), date == null ? null : date.getUpperBoundAsInstant(),
				sort != null && sort.getOrder() != SortOrderEnum.DESC);
		int size = count == null ? properties.getDefaultPageSize() : Math.min(count, properties.getMaxPageSize());
		int from = offset == null ? 0 : offset;
		boolean withTotal = RestfulServerUtils.determineSummaryMode(request).contains(SummaryEnum.COUNT)
				|| SearchTotalModeEnum.ACCURATE.getCode().equals(first(request, "_total"));
		AuditLog.Page page = log.search(query, from, size, withTotal);
		List<AuditEvent> shown = page.events().stream().map(e -> asShownTo(e, request)).toList();
		return new Page(new AuditLog.Page(shown, page.more(), page.total()), from, size);
	}

	/** The person and a guardian read their log without network addresses, token ids and the queries staff ran. */
	private AuditEvent asShownTo(AuditEvent event, RequestDetails request) {
		if (!callers.of(request).isPersonal()) {
			return event;
		}
		event.getAgent().forEach(a -> {
			a.setNetwork(null);
			a.setAltId(null);
			a.getPolicy().clear();
		});
		event.getEntity().removeIf(AuditEvent.AuditEventEntityComponent::hasQuery);
		return event;
	}

	/** The persons whose events the caller may read; null for every event. */
	private List<String> readablePersons(RequestDetails request) {
		Caller caller = callers.of(request);
		if (caller.kind() == Caller.Kind.OPERATOR || caller.kind() == Caller.Kind.SYSTEM) {
			return null;
		}
		if (!caller.isPersonal() || !caller.scopes().allowsReading("AuditEvent")) {
			return List.of();
		}
		Set<String> persons = policy.personsOf(caller, request);
		return List.copyOf(persons);
	}

	private static List<List<String>> all(ReferenceAndListParam and, String type) {
		if (and == null) {
			return null;
		}
		List<List<String>> lists = new ArrayList<>();
		and.getValuesAsQueryTokens().forEach(or -> lists.add(values(or, type)));
		return lists;
	}

	/** {@code Type/id} of each reference; an id without a type gets the parameter's type where it has one. */
	private static List<String> values(ReferenceOrListParam or, String type) {
		List<String> values = new ArrayList<>();
		for (ReferenceParam ref : or.getValuesAsQueryTokens()) {
			String value = ref.getValue();
			if (!value.contains("/") && ref.getResourceType() != null) {
				value = ref.getResourceType() + "/" + value;
			} else if (!value.contains("/") && type != null) {
				value = type + "/" + value;
			}
			values.add(new IdType(value).toUnqualifiedVersionless().getValue());
		}
		return values;
	}

	private static String first(RequestDetails request, String name) {
		String[] values = request.getParameters().get(name);
		return values == null || values.length == 0 ? null : values[0];
	}

	/** A page of the log, paged by offset: HAPI links the next page when the search found more. */
	private record Page(AuditLog.Page page, int offset, int pageSize) implements IBundleProvider {

		@Override
		public IPrimitiveType<Date> getPublished() {
			return InstantType.now();
		}

		@Override
		public List<IBaseResource> getResources(int from, int to, ResponsePage.ResponsePageBuilder builder) {
			builder.setTotalRequestedResourcesFetched(page.events().size() + (page.more() ? 1 : 0));
			return List.copyOf(page.events());
		}

		@Override
		public String getUuid() {
			return null;
		}

		@Override
		public Integer preferredPageSize() {
			return pageSize;
		}

		@Override
		public Integer size() {
			return page.total();
		}

		@Override
		public Integer getCurrentPageOffset() {
			return offset;
		}

		@Override
		public Integer getCurrentPageSize() {
			return pageSize;
		}
	}
}
