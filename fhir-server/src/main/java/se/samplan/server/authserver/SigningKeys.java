package se.samplan.server.authserver;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.PasswordBasedDecrypter;
import com.nimbusds.jose.crypto.PasswordBasedEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileAlreadyExistsException;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;

/**
 * The authorization server's RSA signing key, kept in a key store file so that restarts and every node that reads the
 * same file sign and check with the same key. The store is the key as a JWK set, encrypted with the store's password
 * (JWE with PBES2-HS512+A256KW, RFC 7518 §4.8: a standard format the JOSE library reads and writes; the JDK can write
 * a PKCS#12 store only with a certificate, which it cannot make). A missing store is made with a new key, written to
 * a temporary file and linked in place only if still
 * missing, so a node never reads half a store and two nodes starting at once end up with the same key.
 */
public final class SigningKeys {

	private static final int PBES2_ITERATIONS = 310_000;

	private final RSAKey key;

	SigningKeys(Path store, char[] password) {
		try {
			if (!Files.exists(store)) {
				create(store, password);
			}
			JWEObject jwe = JWEObject.parse(Files.readString(store, StandardCharsets.US_ASCII).trim());
			jwe.decrypt(new PasswordBasedDecrypter(new String(password)));
			key = JWKSet.parse(jwe.getPayload().toString()).getKeys().get(0).toRSAKey();
		} catch (IOException | ParseException | JOSEException | RuntimeException e) {
			throw new IllegalStateException("The authorization server's key store " + store + " cannot be read (" + e.getMessage()
					+ "); check samplan.authorization-server.key-store-password.", e);
		}
	}

	/** The key set the authorization server signs with and the resource server checks against. */
	public JWKSource<SecurityContext> jwkSource() {
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	public RSAPublicKey publicKey() {
		try {
			return key.toRSAPublicKey();
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A signed RS256 JWT with these claims (the demo's scriptable token endpoint). */
	public String sign(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
					.type(JOSEObjectType.JWT).build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		} catch (JOSEException e) {
			throw new IllegalStateException("Signing a token failed", e);
		}
	}

	private static void create(Path store, char[] password) throws IOException, JOSEException {
		RSAKey generated = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
		JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.PBES2_HS512_A256KW, EncryptionMethod.A256GCM)
				.contentType("jwk-set+json").build(), new Payload(new JWKSet(generated).toString(false)));
		jwe.encrypt(new PasswordBasedEncrypter(new String(password), 16, PBES2_ITERATIONS));
		Path parent = store.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path temporary = Files.createTempFile(parent, ".keystore-", ".tmp");
		try {
			Files.writeString(temporary, jwe.serialize(), StandardCharsets.US_ASCII);
			Files.createLink(store, temporary);
		} catch (FileAlreadyExistsException e) {
			// another node made the store first: everyone uses that one
		} finally {
			Files.delete(temporary);
		}
	}
}
