package se.samplan.server.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SMART App Launch discovery at {@code [base]/.well-known/smart-configuration} (and at the server root):
 * the issuer, its keys and endpoints, and the scopes and capabilities the server understands. An exact
 * servlet mapping (see {@link SecurityConfig}), so it wins over the FHIR servlet's {@code /fhir/*}.
 */
class SmartConfigurationServlet extends HttpServlet {

	static final List<String> SCOPES = List.of("openid", "fhirUser", "launch/patient", "patient/*.rs", "user/*.cruds",
			"system/*.cruds", "patient/*.read", "user/*.read", "user/*.write", "system/*.read", "system/*.write",
			SmartScopes.ADMIN);

	private final transient AccessProperties properties;
	private final transient ObjectMapper json = new ObjectMapper();

	SmartConfigurationServlet(AccessProperties properties) {
		this.properties = properties;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		String root = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
		put(body, "issuer", properties.getIssuer(), root);
		put(body, "jwks_uri", properties.getJwksUri(), root);
		put(body, "authorization_endpoint", properties.getAuthorizationEndpoint(), root);
		put(body, "token_endpoint", properties.getTokenEndpoint(), root);
		body.put("grant_types_supported", List.of("client_credentials", "authorization_code"));
		body.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt", "client_secret_basic"));
		body.put("scopes_supported", SCOPES);
		body.put("response_types_supported", List.of("code"));
		body.put("code_challenge_methods_supported", List.of("S256"));
		body.put("capabilities", List.of("launch-standalone", "context-standalone-patient", "client-public",
				"client-confidential-asymmetric", "permission-patient", "permission-user", "permission-v1", "permission-v2",
				"sso-openid-connect"));
		response.setContentType("application/json;charset=UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}

	private static void put(Map<String, Object> body, String key, String value, String root) {
		if (value != null && !value.isBlank()) {
			body.put(key, value.startsWith("/") ? root + value : value);
		}
	}
}
