package se.samplan.server.hapi;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The one storage interceptor for creates and updates: it runs every {@link WriteStep} in order, so that
 * the order does not depend on how HAPI sorts hooks of different interceptors. Registered with HAPI's
 * interceptor service, it sees every write: REST, operations, batch and transaction entries, and internal.
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

	private void run(Write write) {
		steps.forEach(step -> step.beforeStore(write));
	}
}
