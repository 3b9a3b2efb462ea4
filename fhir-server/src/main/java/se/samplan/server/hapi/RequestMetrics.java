package se.samplan.server.hapi;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * A timer per FHIR request, {@code samplan.fhir.requests}, by interaction ({@code read}, {@code search-type},
 * {@code create}, {@code operation}, …), resource type, operation ({@code $sip-activate} and the other workflow
 * operations) and outcome: the rates and latencies an operator watches. Spring's {@code http.server.requests} sees
 * the FHIR servlet only as one unknown URI.
 */
@Component
@Interceptor
class RequestMetrics implements RestInterceptor {

	private static final String SAMPLE = RequestMetrics.class.getName();

	private final MeterRegistry registry;

	RequestMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void started(RequestDetails request) {
		request.getUserData().put(SAMPLE, Timer.start(registry));
	}

	@Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
	public void completed(RequestDetails request, ServletRequestDetails servlet) {
		if (request.getUserData().remove(SAMPLE) instanceof Timer.Sample sample) {
			RestOperationTypeEnum interaction = request.getRestOperationType();
			int status = servlet.getServletResponse() == null ? 0 : servlet.getServletResponse().getStatus();
			sample.stop(Timer.builder("samplan.fhir.requests").description("FHIR requests by interaction, resource type and operation")
					.tag("interaction", interaction == null ? "unknown" : interaction.getCode())
					.tag("resource", request.getResourceName() == null ? "none" : request.getResourceName())
					.tag("operation", request.getOperation() == null ? "none" : request.getOperation())
					.tag("outcome", status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : "SUCCESS")
					.register(registry));
		}
	}
}
