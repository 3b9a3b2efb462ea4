package se.samplan.server.hapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code samplan.*} that are not Spring's or HAPI's own. */
@ConfigurationProperties("samplan")
public class SamplanProperties {

	/** Default page size of searches. */
	private int defaultPageSize = 20;

	/** Largest page size a client may ask for with _count. */
	private int maxPageSize = 200;

	public int getDefaultPageSize() {
		return defaultPageSize;
	}

	public void setDefaultPageSize(int defaultPageSize) {
		this.defaultPageSize = defaultPageSize;
	}

	public int getMaxPageSize() {
		return maxPageSize;
	}

	public void setMaxPageSize(int maxPageSize) {
		this.maxPageSize = maxPageSize;
	}
}
