package se.samplan.server.authserver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.FORBIDDEN;

/**
 * The picker page (Swedish): a signed-in person chooses whom the app is for — themself, or a child whose plans R13
 * lets them read — and goes on with the app's authorization request. A choice outside that list is refused.
 */
@Controller
@ConditionalOnProperty("samplan.authorization-server.enabled")
class PatientPicker {

	static final String PATH = "/auth/pick";

	private final LaunchCandidates candidates;
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	PatientPicker(LaunchCandidates candidates) {
		this.candidates = candidates;
	}

	@GetMapping(PATH)
	String page(@RequestParam("return") String back, Authentication signedIn, Model model) {
		launch(back);
		model.addAttribute("candidates", candidates.of(signedIn.getName()));
		model.addAttribute("back", back);
		return "auth/pick";
	}

	@PostMapping(PATH)
	String choose(@RequestParam("return") String back, @RequestParam String fhirUser, Authentication signedIn,
			HttpServletRequest request, HttpServletResponse response) {
		String launch = launch(back);
		LaunchCandidates.Candidate chosen = candidates.find(signedIn.getName(), fhirUser)
				.orElseThrow(() -> new ResponseStatusException(FORBIDDEN, "Not among the persons this sign-in may act for: " + fhirUser));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(SignedIn.launched(signedIn, chosen.fhirUser(), chosen.patient(), launch));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		return "redirect:" + back;
	}

	private static String launch(String back) {
		String launch = LaunchChoice.launchOf(back);
		if (launch == null) {
			throw new ResponseStatusException(BAD_REQUEST, "return must be an authorization request (/oauth2/authorize?...)");
		}
		return launch;
	}
}
