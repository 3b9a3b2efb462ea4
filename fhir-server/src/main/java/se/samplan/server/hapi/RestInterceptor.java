package se.samplan.server.hapi;

/**
 * Marks an interceptor bean that belongs on the REST server (request and response hooks). Rules
 * about what may be stored are registered with HAPI's {@code IInterceptorService} instead, so that
 * they hold for internal writes too.
 */
public interface RestInterceptor {
}
