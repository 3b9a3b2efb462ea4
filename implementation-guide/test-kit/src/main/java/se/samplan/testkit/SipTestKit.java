package se.samplan.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * {@code java -jar sip-test-kit-0.1.0-exec.jar --base-url URL [--token JWT | --token-endpoint URL] ...}: checks
 * a SIP server against the implementation guide. Exit code 0 when no check failed, 1 when one did, 2 on bad usage.
 */
public final class SipTestKit {

	private SipTestKit() {}

	public static void main(String[] args) {
		// The report is the output; HAPI's start-up chatter is not.
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		if (args.length == 0 || List.of(args).contains("--help")) {
			System.out.print(KitSettings.USAGE);
			System.exit(args.length == 0 ? 2 : 0);
		}
		KitSettings settings;
		try {
			settings = KitSettings.parse(List.of(args));
		} catch (IllegalArgumentException e) {
			System.err.println(e.getMessage());
			System.err.print(KitSettings.USAGE);
			System.exit(2);
			return;
		}
		System.exit(KitRunner.run(settings, System.out).allPassed() ? 0 : 1);
	}
}
