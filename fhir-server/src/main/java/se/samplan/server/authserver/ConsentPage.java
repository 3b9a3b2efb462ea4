package se.samplan.server.authserver;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.List;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/**
 * The consent screen (Swedish), shown at every launch: which app asks, for whom, and what it may do — only the
 * scopes the signed-in user may grant ({@link ScopePolicy}), each to tick off. The form goes to the authorization
 * endpoint; granting nothing denies the app.
 */
@Controller
@ConditionalOnProperty("samplan.authorization-server.enabled")
class ConsentPage {

	static final String PATH = "/auth/consent";

	private final RegisteredClientRepository clients;
	private final LaunchCandidates candidates;

	ConsentPage(RegisteredClientRepository clients, LaunchCandidates candidates) {
		this.clients = clients;
		this.candidates = candidates;
	}

	/** A scope as the consent screen lists it. */
	record Offered(String scope, String text) {}

	@GetMapping(PATH)
	String page(@RequestParam("client_id") String clientId, @RequestParam String scope, @RequestParam String state,
			Authentication signedIn, Model model) {
		RegisteredClient client = clients.findByClientId(clientId);
		if (client == null) {
			throw new ResponseStatusException(BAD_REQUEST, "Unknown client " + clientId);
		}
		SignedIn.Kind kind = SignedIn.kind(signedIn).orElseThrow(() -> new ResponseStatusException(BAD_REQUEST, "Not signed in"));
		List<Offered> offered = Arrays.stream(scope.split(" ")).filter(s -> !s.isBlank() && !"openid".equals(s))
				.filter(s -> ScopePolicy.userMayGrant(kind, s)).map(s -> new Offered(s, ScopeTexts.swedish(s))).toList();
		model.addAttribute("client", client.getClientName());
		model.addAttribute("clientId", clientId);
		model.addAttribute("state", state);
		model.addAttribute("scopes", offered);
		model.addAttribute("forPatient", SignedIn.fhirUser(signedIn).flatMap(user -> candidates.find(signedIn.getName(), user))
				.filter(c -> !c.self()).map(LaunchCandidates.Candidate::name).orElse(null));
		return "auth/consent";
	}
}
