package se.samplan.server.hapi;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A storage interceptor that sees every resource about to be created or updated, inside the write's
 * transaction: it may change the resource, or refuse the write by throwing. Subclasses set their place
 * among such interceptors with {@code @Interceptor(order = ...)}, lower first.
 */
public abstract class BeforeStoreInterceptor implements StorageInterceptor {

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource, RequestDetails request, TransactionDetails transaction) {
		beforeStore(new Write(null, resource, request, transaction));
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request,
			TransactionDetails transaction) {
		beforeStore(new Write(previous, resource, request, transaction));
	}

	protected abstract void beforeStore(Write write);
}
