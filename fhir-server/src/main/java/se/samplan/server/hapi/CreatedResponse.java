package se.samplan.server.hapi;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.instance.model.api.IIdType;
import org.springframework.stereotype.Component;

/**
 * Lets an operation that creates a resource answer as a create does: 201 Created with a Location header
 * (HAPI answers every operation with 200).
 */
@Component
@Interceptor
public class CreatedResponse implements RestInterceptor {

	private static final String KEY = CreatedResponse.class.getName();

	/** Call from the operation: its response becomes 201 with the location of {@code id}. */
	public static void mark(RequestDetails request, IIdType id) {
		request.getUserData().put(KEY, id);
	}

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public void created(RequestDetails request, ResponseDetails response, HttpServletResponse servletResponse) {
		if (request.getUserData().get(KEY) instanceof IIdType id && response.getResponseCode() == 200) {
			response.setResponseCode(Constants.STATUS_HTTP_201_CREATED);
			servletResponse.setHeader(Constants.HEADER_LOCATION, id.withServerBase(request.getFhirServerBase(),
					id.getResourceType()).getValue());
		}
	}
}
