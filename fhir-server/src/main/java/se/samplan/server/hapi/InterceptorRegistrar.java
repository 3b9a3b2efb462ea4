package se.samplan.server.hapi;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import org.springframework.stereotype.Component;

import java.util.List;

/** Registers every {@link StorageInterceptor} bean with HAPI's interceptor service at start-up. */
@Component
class InterceptorRegistrar {

	InterceptorRegistrar(IInterceptorService interceptorService, List<StorageInterceptor> interceptors) {
		interceptors.forEach(interceptorService::registerInterceptor);
	}
}
