package se.samplan.server.authserver;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The authorization server's key store, on real files: made when missing, the same key after a restart and for every
 * node that opens the same file, also when several start at once; never readable without its password.
 */
class SigningKeysTest {

	@TempDir
	Path folder;

	@Test
	void aStoreIsMadeOnceAndOpensToTheSameKey() throws Exception {
		Path store = folder.resolve("keys/authorization-server-key.jwe");
		SigningKeys first = new SigningKeys(store, "secret".toCharArray());
		assertThat(store).exists();
		assertThat(Files.readString(store)).as("the private key is encrypted").doesNotContain("\"d\"").startsWith("ey");
		SigningKeys restarted = new SigningKeys(store, "secret".toCharArray());
		assertThat(restarted.publicKey()).isEqualTo(first.publicKey());
		SignedJWT token = SignedJWT.parse(first.sign(new JWTClaimsSet.Builder().subject("x").build()));
		assertThat(token.verify(new RSASSAVerifier(restarted.publicKey()))).isTrue();
	}

	@Test
	void nodesStartingAtOnceShareOneKey() throws Exception {
		Path store = folder.resolve("shared.jwe");
		ExecutorService nodes = Executors.newFixedThreadPool(4);
		try {
			List<Future<SigningKeys>> started = nodes.invokeAll(java.util.Collections.nCopies(4,
					(Callable<SigningKeys>) () -> new SigningKeys(store, "secret".toCharArray())));
			for (Future<SigningKeys> node : started) {
				assertThat(node.get().publicKey()).isEqualTo(started.get(0).get().publicKey());
			}
		} finally {
			nodes.shutdown();
		}
		try (var left = Files.list(folder)) {
			assertThat(left.map(p -> p.getFileName().toString())).containsExactly("shared.jwe");
		}
	}

	@Test
	void aWrongPasswordIsRefusedSayingWhichSetting() {
		Path store = folder.resolve("k.jwe");
		new SigningKeys(store, "right".toCharArray());
		assertThatThrownBy(() -> new SigningKeys(store, "wrong".toCharArray())).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("key-store-password");
	}
}
