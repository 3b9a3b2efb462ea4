package se.samplan.server.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMART scopes of a token: v2 ({@code patient/CarePlan.rs}, {@code user/*.cruds}) and v1
 * ({@code patient/*.read}, {@code .write}, {@code .*}). A scope only ever narrows what the caller's
 * identity allows; v2 scopes with search parameters ({@code ?category=...}) grant nothing here.
 */
public final class SmartScopes {

	/** The operator's scope: reads everything, writes configuration resources. */
	public static final String ADMIN = "samplan.admin";
	/** The follow-up statistics of the caller's own principal ({@code $sip-statistics}). */
	public static final String STATISTICS = "samplan.statistics";

	private static final Pattern RESOURCE_SCOPE =
			Pattern.compile("(patient|user|system)/([A-Za-z]+|\\*)\\.(read|write|\\*|[cruds]+)");

	private record Grant(String type, String permissions) {}

	private final Set<String> raw;
	private final List<Grant> grants;

	private SmartScopes(Set<String> raw, List<Grant> grants) {
		this.raw = raw;
		this.grants = grants;
	}

	public static SmartScopes parse(Collection<String> scopes) {
		List<Grant> grants = new ArrayList<>();
		for (String scope : scopes) {
			Matcher m = RESOURCE_SCOPE.matcher(scope);
			if (m.matches()) {
				grants.add(new Grant(m.group(2), permissions(m.group(3))));
			}
		}
		return new SmartScopes(Set.copyOf(scopes), List.copyOf(grants));
	}

	private static String permissions(String v1OrV2) {
		return switch (v1OrV2) {
			case "read" -> "rs";
			case "write" -> "cud";
			case "*" -> "cruds";
			default -> v1OrV2;
		};
	}

	/** The context of a resource scope ({@code patient}, {@code user} or {@code system}); null for other scopes. */
	public static String context(String scope) {
		Matcher m = RESOURCE_SCOPE.matcher(scope);
		return m.matches() ? m.group(1) : null;
	}

	/** Whether {@code held} grants everything {@code asked} would: {@code patient/*.rs} covers {@code patient/CarePlan.r}. */
	public static boolean covers(String held, String asked) {
		if (held.equals(asked)) {
			return true;
		}
		Matcher h = RESOURCE_SCOPE.matcher(held);
		Matcher a = RESOURCE_SCOPE.matcher(asked);
		if (!h.matches() || !a.matches() || !h.group(1).equals(a.group(1))
				|| !(h.group(2).equals("*") || h.group(2).equals(a.group(2)))) {
			return false;
		}
		String granted = permissions(h.group(3));
		return permissions(a.group(3)).chars().allMatch(c -> granted.indexOf(c) >= 0);
	}

	/** Whether a scope grants {@code permission} (one of c, r, u, d, s) on the resource type. */
	public boolean allows(String resourceType, char permission) {
		for (Grant g : grants) {
			if ((g.type.equals("*") || g.type.equals(resourceType)) && g.permissions.indexOf(permission) >= 0) {
				return true;
			}
		}
		return false;
	}

	/** Read or search: what a resource shown to the caller needs. */
	public boolean allowsReading(String resourceType) {
		return allows(resourceType, 'r') || allows(resourceType, 's');
	}

	public boolean has(String scope) {
		return raw.contains(scope);
	}

	@Override
	public String toString() {
		return String.join(" ", raw);
	}
}
