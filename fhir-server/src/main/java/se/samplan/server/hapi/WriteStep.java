package se.samplan.server.hapi;

/**
 * One step every create and update passes before it is stored, inside the write's transaction: it may
 * change the resource, or refuse the write by throwing. {@link WritePipeline} runs the steps in the order
 * of their {@code @Order}: identifiers are normalised first, then access is checked, then the workflow
 * rules, then profile validation.
 */
public interface WriteStep {

	void beforeStore(Write write);
}
