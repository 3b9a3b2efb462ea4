package se.samplan.server.hapi;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/**
 * A refused request is normal traffic: it is logged as one line at INFO — method, resource path (never the query,
 * which may hold a personnummer), status, and the rules and issue types of its OperationOutcome (not its texts, which
 * may echo what the client sent) — and HAPI's own ERROR with a stack trace for every refusal an interceptor throws,
 * and its WARN for refusals without an outcome, are left out. Server faults (5xx) keep HAPI's ERROR and trace.
 */
@Component
@Interceptor
class RefusalLog implements RestInterceptor {

	private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);

	RefusalLog() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
				&& logback.getTurboFilterList().stream().noneMatch(HapisRefusalNoise.class::isInstance)) {
			logback.addTurboFilter(new HapisRefusalNoise());
		}
	}

	@Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
	public boolean refused(RequestDetails request, BaseServerResponseException e) {
		if (e.getStatusCode() < 500) {
			log.info("Refused {} /{} {}{}", request.getRequestType(), request.getRequestPath(), e.getStatusCode(), reasons(e));
		}
		return true;
	}

	private static String reasons(BaseServerResponseException e) {
		if (!(e.getOperationOutcome() instanceof OperationOutcome outcome) || outcome.getIssue().isEmpty()) {
			return " " + e.getClass().getSimpleName();
		}
		return outcome.getIssue().stream().map(issue -> issue.getDetails().getCoding().stream().map(Coding::getCode)
						.filter(code -> code != null).findFirst().map(rule -> rule + " ").orElse("")
						+ (issue.getCode() == null ? "" : issue.getCode().toCode()))
				.collect(Collectors.joining(", ", " (", ")"));
	}

	/** Drops HAPI's log lines about client refusals (below 500), which {@link RefusalLog} has said in one line. */
	static final class HapisRefusalNoise extends TurboFilter {

		private static final String INTERCEPTORS = "ca.uhn.fhir.interceptor.executor.BaseInterceptorService";
		private static final String EXCEPTIONS = "ca.uhn.fhir.rest.server.interceptor.ExceptionHandlingInterceptor";

		@Override
		public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
				Object[] params, Throwable t) {
			// Called before every level check of every logger: the level, a reference comparison, goes first.
			if (level == Level.ERROR && INTERCEPTORS.equals(logger.getName()) && params != null && params.length > 0
					&& params[params.length - 1] instanceof BaseServerResponseException refusal && refusal.getStatusCode() < 500) {
				return FilterReply.DENY;
			}
			if (level == Level.WARN && EXCEPTIONS.equals(logger.getName()) && "Failure during REST processing: {}".equals(format)) {
				return FilterReply.DENY; // HAPI's branch for statuses below 500 without an outcome
			}
			return FilterReply.NEUTRAL;
		}
	}
}
