package se.samplan.server.hapi;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.IJpaSystemProvider;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.openapi.OpenApiInterceptor;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The FHIR REST endpoint at {@code /fhir}: HAPI's JPA resource providers, the system provider
 * (batch, transaction, history), paging, the CapabilityStatement, Swagger UI, and every
 * {@link OperationProvider}, {@link OwnResourceProvider} (in place of HAPI's for its type) and {@link RestInterceptor}
 * bean of the application.
 */
@Configuration
public class RestfulServerConfig {

	public static final String FHIR_PATH = "/fhir";

	@Bean
	public RestfulServer restfulServer(IFhirSystemDao<?, ?> systemDao, ResourceProviderFactory resourceProviders,
			IJpaSystemProvider systemProvider, DatabaseBackedPagingProvider pagingProvider, JpaStorageSettings settings,
			ISearchParamRegistry searchParamRegistry, IValidationSupport validationSupport,
			SamplanProperties properties, List<RestInterceptor> interceptors,
			List<OperationProvider> operations, List<OwnResourceProvider> own) {
		// For the context the REST layer and the storage share. Every reference the server encodes is a string (stored
		// resources, the operations' answers): HAPI's search of each resource for referenced objects to contain walks
		// every element of every answer and audit record (HAPI names it a cost to turn off when not needed). What a
		// client sends as contained stays contained (ContainedResourcesTest).
		systemDao.getContext().getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
		RestfulServer server = new RestfulServer(systemDao.getContext());
		Set<Class<?>> ownTypes = own.stream().map(OwnResourceProvider::getResourceType).collect(Collectors.toSet());
		server.registerProviders(resourceProviders.createProviders().stream()
				.filter(p -> !(p instanceof IResourceProvider r && ownTypes.contains(r.getResourceType()))).toList());
		server.registerProviders(own);
		server.registerProvider(systemProvider);
		server.registerProviders(operations);
		pagingProvider.setDefaultPageSize(properties.getDefaultPageSize());
		pagingProvider.setMaximumPageSize(properties.getMaxPageSize());
		server.setPagingProvider(pagingProvider);
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		JpaCapabilityStatementProvider capabilities = new JpaCapabilityStatementProvider(
				server, systemDao, settings, searchParamRegistry, validationSupport);
		capabilities.setImplementationDescription("Samplan – samordnad individuell plan (SIP)");
		server.setServerConformanceProvider(capabilities);
		server.registerInterceptor(new OpenApiInterceptor());
		interceptors.forEach(server::registerInterceptor);
		return server;
	}

	@Bean
	public ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer server) {
		ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, FHIR_PATH + "/*");
		registration.setLoadOnStartup(1);
		return registration;
	}
}
