package se.samplan.server.hapi;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a request is writing and has not committed yet, so that a decision about one write sees the others:
 * the entries of the FHIR transaction being processed (found by their {@code fullUrl}, by the id HAPI gives them,
 * or by their conditional URL) and every resource the request has passed to storage so far (by id). HAPI stores
 * a transaction's entries with their {@code urn:uuid} references unresolved and indexes them only at the end, so
 * neither a read by reference nor a search would find them in the database while the rules run. A batch entry
 * is a transaction of its own: each starts afresh.
 */
@Component
@Interceptor
public class PendingWrites implements StorageInterceptor {

	private static final String KEY = PendingWrites.class.getName();
	private static final View NONE = new View(List.of(), Map.of());

	/** One entry of the transaction that writes a resource. */
	public record Entry(String fullUrl, Resource resource, String conditionalUrl) {}

	@Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
	public void transactionStarts(RequestDetails request, IBaseBundle bundle) {
		if (request == null || !(bundle instanceof Bundle b)) {
			return;
		}
		List<Entry> entries = new ArrayList<>();
		Map<String, String> ifMatch = new LinkedHashMap<>();
		for (Bundle.BundleEntryComponent e : b.getEntry()) {
			Bundle.HTTPVerb verb = e.getRequest().getMethod();
			String target = e.getRequest().hasIfMatch() && e.getRequest().hasUrl() && !e.getRequest().getUrl().contains("?")
					? References.key(e.getRequest().getUrl()) : null;
			if (target != null) {
				ifMatch.put(target, e.getRequest().getIfMatch());
			}
			if (e.getResource() != null && (verb == Bundle.HTTPVerb.POST || verb == Bundle.HTTPVerb.PUT)) {
				String url = e.getRequest().getUrl();
				String conditional = verb == Bundle.HTTPVerb.POST ? e.getRequest().getIfNoneExist()
						: url != null && url.contains("?") ? url.substring(url.indexOf('?') + 1) : null;
				entries.add(new Entry(e.getFullUrl(), e.getResource(), conditional));
			}
		}
		request.getUserData().put(KEY, new View(entries, ifMatch));
	}

	/** Called by the write pipeline for every resource about to be stored. */
	static void written(RequestDetails request, Resource resource, boolean create) {
		if (request != null) {
			((View) request.getUserData().computeIfAbsent(KEY, k -> new View(List.of(), Map.of()))).written(resource, create);
		}
	}

	/**
	 * A view for the commit of a transaction that wrote these resources: it writes no more, so what is looked up
	 * through it may be kept for the rest of the request ({@link View#isSettled}).
	 */
	public static void settled(RequestDetails request, List<Resource> written, Set<Resource> created) {
		View view = new View(List.of(), Map.of());
		written.forEach(r -> view.written(r, created.contains(r)));
		view.settled = true;
		request.getUserData().put(KEY, view);
	}

	/** The request's uncommitted writes; empty for a request that writes nothing or for none. */
	public static View of(RequestDetails request) {
		return request == null ? NONE : request.getUserData().get(KEY) instanceof View v ? v : NONE;
	}

	/** The uncommitted writes of one request. */
	public static final class View {

		private final List<Entry> entries;
		/** The {@code If-Match} of the transaction's entries, by the {@code Type/id} they write or delete. */
		private final Map<String, String> ifMatch;
		/**
		 * What the request wrote, newest version per resource. Keyed when read, not when written: a created
		 * resource gets its id from HAPI only after the pipeline has seen it.
		 */
		private final List<Resource> written = new ArrayList<>();
		/** What the request created: nothing else in the store can refer to it yet. */
		private final Set<Resource> created = Collections.newSetFromMap(new IdentityHashMap<>());
		private boolean settled;

		View(List<Entry> entries, Map<String, String> ifMatch) {
			this.entries = entries;
			this.ifMatch = ifMatch;
		}

		/** The {@code If-Match} the transaction gave for its entry writing or deleting {@code Type/id}. */
		public Optional<String> ifMatch(String key) {
			return Optional.ofNullable(ifMatch.get(key));
		}

		public boolean isEmpty() {
			return entries.isEmpty() && written.isEmpty();
		}

		/**
		 * Whether the request created the resource {@code Type/id}: then only its own writes can refer to it, since
		 * nothing else sees it before the commit.
		 */
		public boolean createdHere(String key) {
			return created.stream().anyMatch(r -> key.equals(key(r)));
		}

		/** Whether the writes are done, so that decisions made on them hold for the rest of the request. */
		public boolean isSettled() {
			return settled;
		}

		private void written(Resource resource, boolean create) {
			if (this == NONE) {
				return;
			}
			if (create) {
				created.add(resource);
			}
			String key = key(resource);
			written.removeIf(r -> r == resource || key != null && key.equals(key(r)));
			written.add(resource);
		}

		private Optional<Resource> writtenAs(String key) {
			for (int i = written.size() - 1; i >= 0; i--) {
				if (key.equals(key(written.get(i)))) {
					return Optional.of(written.get(i));
				}
			}
			return Optional.empty();
		}

		/** The entry written under this placeholder ({@code urn:uuid:..}), id ({@code Type/id}) or conditional URL. */
		public Optional<Resource> find(String reference) {
			for (Entry e : entries) {
				if (reference.equals(e.fullUrl()) || reference.equals(key(e.resource()))
						|| e.conditionalUrl() != null && reference.equals(e.resource().fhirType() + "?" + e.conditionalUrl())) {
					return writtenAs(reference).or(() -> Optional.of(e.resource()));
				}
			}
			return writtenAs(reference);
		}

		/** Every pending resource of a type: the transaction's entries and what was written otherwise. */
		public List<Resource> ofType(String type) {
			Map<Object, Resource> all = new LinkedHashMap<>();
			for (Entry e : entries) {
				if (type.equals(e.resource().fhirType())) {
					String key = key(e.resource());
					all.put(key != null ? key : e, key != null ? writtenAs(key).orElse(e.resource()) : e.resource());
				}
			}
			for (Resource r : written) {
				String key = key(r);
				if (type.equals(r.fhirType()) && !all.containsValue(r)) {
					all.putIfAbsent(key != null ? key : r, r);
				}
			}
			return List.copyOf(all.values());
		}

		/** The placeholder a pending resource was given in the transaction, if it has not been stored yet. */
		public String placeholderOf(Resource resource) {
			for (Entry e : entries) {
				if (e.resource() == resource && key(resource) == null) {
					return e.fullUrl();
				}
			}
			return null;
		}

		private static String key(Resource resource) {
			return References.key(resource);
		}
	}
}
