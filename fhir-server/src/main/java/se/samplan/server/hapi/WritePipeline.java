package se.samplan.server.hapi;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The one storage interceptor for creates, updates and deletes: it runs every {@link WriteStep} in order, so that
 * the order does not depend on how HAPI sorts hooks of different interceptors. Registered with HAPI's interceptor
 * service, it sees every write: REST, operations, batch and transaction entries, and internal. Each write is
 * first made visible to the decisions about the request's other writes ({@link PendingWrites}), and empties the
 * decisions the request had made before it ({@link RequestCache}).
 */
@Component
@Interceptor
public class WritePipeline implements StorageInterceptor {

	private final List<WriteStep> steps;

	WritePipeline(List<WriteStep> steps) {
		this.steps = steps;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource, RequestDetails request, TransactionDetails transaction) {
		run(new Write(null, resource, request, transaction));
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request,
			TransactionDetails transaction) {
		run(new Write(previous, resource, request, transaction));
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void deleted(IBaseResource resource, RequestDetails request) {
		RequestCache.written(request);
		Delete delete = new Delete(resource, request);
		try {
			steps.forEach(step -> step.beforeDelete(delete));
		} catch (BaseServerResponseException refusal) {
			BatchOutcomes.refused(request, refusal);
			throw refusal;
		}
	}

	private void run(Write write) {
		RequestCache.written(write.request());
		PendingWrites.written(write.request(), (Resource) write.resource(), write.isCreate());
		try {
			steps.forEach(step -> step.beforeStore(write));
		} catch (BaseServerResponseException refusal) {
			BatchOutcomes.refused(write.request(), refusal);
			throw refusal;
		}
	}
}
