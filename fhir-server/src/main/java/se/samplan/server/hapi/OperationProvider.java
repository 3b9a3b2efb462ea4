package se.samplan.server.hapi;

/** Marks a bean whose {@code @Operation} methods are served at /fhir. */
public interface OperationProvider {
}
