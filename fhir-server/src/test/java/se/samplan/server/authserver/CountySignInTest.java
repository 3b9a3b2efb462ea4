package se.samplan.server.authserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.server.ServerTestBase;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People sign in at the county's OpenID Connect provider (here a stand-in on a loopback port, with its own keys),
 * and the built-in authorization server takes the person the ID token's personnummer claim names: a guardian of the
 * demo gets the picker with their child, and the launched token reads the child's plan.
 */
@Tag("R13")
@Tag("above-storage")
class CountySignInTest extends ServerTestBase {

	private static final CountyIdentityProvider COUNTY = start();

	private static CountyIdentityProvider start() {
		try {
			return new CountyIdentityProvider();
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@DynamicPropertySource
	static void county(DynamicPropertyRegistry registry) {
		registry.add("samplan.authorization-server.login.issuer-uri", COUNTY::issuer);
		registry.add("samplan.authorization-server.login.client-id", () -> "samplan");
		registry.add("samplan.authorization-server.login.client-secret", () -> "county-secret");
	}

	@AfterAll
	static void stop() {
		COUNTY.close();
	}

	@Test
	void aGuardianSignsInWithTheCountysIdentityProviderAndLaunchesForTheChild() throws Exception {
		COUNTY.nextSignIn("19850221-9861");
		SmartLaunch launch = new SmartLaunch(ownIssuer(), "demo-app", null, SmartLaunch.LOOPBACK, "openid fhirUser launch/patient patient/*.rs");
		String picker = launch.signInAtProvider();
		assertThat(picker).contains("value=\"RelatedPerson/sip2-guardian-anna\"").doesNotContain("Patient/");
		JsonNode token = launch.token(launch.grant(launch.pick(picker, "RelatedPerson/sip2-guardian-anna")));
		assertThat(token.get("patient").asText()).isEqualTo("sip2-patient");
		assertThat(send(HttpRequest.newBuilder(URI.create(fhirBase() + "/CarePlan?subject=Patient/sip2-patient"))
				.header("Authorization", "Bearer " + token.get("access_token").asText()).GET().build()).body())
				.contains("\"CarePlan\"");
	}

	@Test
	void thePersonIsWhomThePersonnummerClaimNames() throws Exception {
		COUNTY.nextSignIn("193804129827");
		SmartLaunch launch = new SmartLaunch(ownIssuer(), "demo-app", null, SmartLaunch.LOOPBACK, "openid fhirUser launch/patient patient/*.rs");
		assertThat(launch.signInAtProvider()).contains("value=\"Patient/sip1-patient\"", "Mina egna planer")
				.doesNotContain("RelatedPerson/");
	}
}
