package se.samplan.server.access;

import java.util.Map;

/**
 * The built-in authorization server as SMART discovery describes it: its endpoints, grant types, client
 * authentication methods and capabilities. Without one, discovery tells what the settings say of the external issuer.
 */
public interface SmartAuthorizationServer {

	/** The discovery fields of the authorization server, its URLs absolute on {@code root} (the server's address). */
	Map<String, Object> discovery(String root);
}
