package se.samplan.server.hapi;

/**
 * One step every create, update and delete passes before it is stored, inside the write's transaction: it may
 * change the resource, or refuse the write by throwing. {@link WritePipeline} runs the steps in the order of their
 * {@code @Order}: identifiers are normalised first, then preconditions of the request, then access, then the
 * workflow rules, then profile validation.
 */
public interface WriteStep {

	default void beforeStore(Write write) {
	}

	default void beforeDelete(Delete delete) {
	}
}
