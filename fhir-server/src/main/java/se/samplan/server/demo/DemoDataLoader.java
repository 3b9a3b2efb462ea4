package se.samplan.server.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.samplan.server.conformance.SipPackageInstalled;

/**
 * Loads the demo data at start-up: the three example scenarios with active plans (scenarios 1 and 2 with
 * a follow-up held), plus a plan in each other phase (initiated, invited, closed). Everything is built
 * through the $sip-* operations by {@link DemoScenarios}, so it passes the same rules as any client's
 * writes. A person who already has a plan is left alone, so restarts change nothing.
 */
@Component
@Profile("demo")
public class DemoDataLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DemoScenarios scenarios;

	DemoDataLoader(DemoScenarios scenarios) {
		this.scenarios = scenarios;
	}

	@EventListener(SipPackageInstalled.class)
	public void load() {
		for (int n = 1; n <= 3; n++) {
			scenarios.loadBase(n);
			if (!scenarios.hasPlan("Patient/sip" + n + "-patient")) {
				log.info("Demo scenario {}: {}", n, scenarios.activePlan(n, n <= 2 ? 1 : 0).getIdElement().toVersionless());
			}
		}
		for (String person : new String[] {"Patient-sip-example-samordningsnummer.json", "Patient-sip4-patient.json",
				"Patient-sip5-patient.json"}) {
			scenarios.loadExample(person);
		}
		if (!scenarios.hasPlan("Patient/sip-example-samordningsnummer")) {
			log.info("Demo initiated plan: {}", scenarios.initiatedPlan("Patient/sip-example-samordningsnummer").getIdElement().toVersionless());
			log.info("Demo invited plan: {}", scenarios.invitedPlan("Patient/sip4-patient").getIdElement().toVersionless());
			log.info("Demo closed plan: {}", scenarios.closedPlan("Patient/sip5-patient").getIdElement().toVersionless());
		}
	}
}
