package se.samplan.server.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.util.Map;
import java.util.UUID;

/**
 * The demo profile's built-in token issuer: an RSA key pair made at start (never stored), the JWT decoder
 * that accepts only its tokens, and the signing of the tokens {@link DemoTokenEndpoint} hands out.
 * Without the demo profile none of this exists and tokens come from a real issuer.
 */
@Configuration
@Profile("demo")
public class DemoIssuer {

	public static final String ISSUER = "urn:samplan:demo-issuer";

	private final RSAKey key;

	DemoIssuer() throws JOSEException {
		key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
	}

	@Bean
	JwtDecoder demoJwtDecoder() throws JOSEException {
		return NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
	}

	/** A signed RS256 JWT with these claims. */
	public String sign(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
					.type(JOSEObjectType.JWT).build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		} catch (JOSEException e) {
			throw new IllegalStateException("Signing a demo token failed", e);
		}
	}

	/** The public key as a JWK set. */
	Map<String, Object> jwks() {
		return new JWKSet(key.toPublicJWK()).toJSONObject();
	}
}
