package se.samplan.testkit;

/** What the running checks share: the server under test. Set by {@link KitRunner} before the checks start. */
public final class Kit {

	private static volatile FhirServer server;

	private Kit() {}

	public static FhirServer server() {
		if (server == null) {
			throw new IllegalStateException("The checks run through KitRunner (java -jar sip-test-kit-exec.jar --base-url ...)");
		}
		return server;
	}

	static void use(FhirServer current) {
		server = current;
	}
}
