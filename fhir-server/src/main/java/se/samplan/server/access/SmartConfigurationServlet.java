package se.samplan.server.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SMART App Launch discovery at {@code [base]/.well-known/smart-configuration} (and at the server root): exactly what
 * is served. With the built-in authorization server, its own description ({@link SmartAuthorizationServer}); with an
 * external issuer, the issuer, keys and endpoints the settings name, the authorization code flow only when an
 * authorization endpoint is named. Always the scopes and permissions this resource server understands. An exact
 * servlet mapping (see {@link SecurityConfig}), so it wins over the FHIR servlet's {@code /fhir/*}.
 */
class SmartConfigurationServlet extends HttpServlet {

	static final List<String> SCOPES = List.of("openid", "fhirUser", "launch/patient", "offline_access", "online_access",
			"patient/*.rs", "user/*.cruds", "system/*.cruds", "patient/*.read", "user/*.read", "user/*.write", "system/*.read",
			"system/*.write", SmartScopes.ADMIN, SmartScopes.STATISTICS);
	/** What the resource server does with any issuer's tokens. */
	static final List<String> PERMISSIONS = List.of("permission-patient", "permission-user", "permission-v1", "permission-v2");

	private final transient AccessProperties properties;
	private final transient SmartAuthorizationServer builtIn;
	private final transient ObjectMapper json = new ObjectMapper();

	SmartConfigurationServlet(AccessProperties properties, SmartAuthorizationServer builtIn) {
		this.properties = properties;
		this.builtIn = builtIn;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String root = TokenChecks.root(request);
		Map<String, Object> body = new LinkedHashMap<>();
		List<String> capabilities = new ArrayList<>();
		if (builtIn != null) {
			body.putAll(builtIn.discovery(root));
			capabilities.addAll(capabilitiesOf(body));
		} else {
			put(body, "issuer", properties.getIssuer(), root);
			put(body, "jwks_uri", properties.getJwksUri(), root);
			put(body, "authorization_endpoint", properties.getAuthorizationEndpoint(), root);
			put(body, "token_endpoint", properties.getTokenEndpoint(), root);
			if (body.containsKey("authorization_endpoint")) {
				body.put("grant_types_supported", List.of("authorization_code"));
				body.put("response_types_supported", List.of("code"));
				body.put("code_challenge_methods_supported", List.of("S256"));
				capabilities.add("launch-standalone");
			}
		}
		body.put("scopes_supported", SCOPES);
		capabilities.addAll(PERMISSIONS);
		body.put("capabilities", capabilities);
		response.setContentType("application/json;charset=UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}

	@SuppressWarnings("unchecked")
	private static List<String> capabilitiesOf(Map<String, Object> body) {
		Object capabilities = body.remove("capabilities");
		return capabilities instanceof List<?> list ? (List<String>) list : List.of();
	}

	private static void put(Map<String, Object> body, String key, String value, String root) {
		if (value != null && !value.isBlank()) {
			body.put(key, value.startsWith("/") ? root + value : value);
		}
	}
}
