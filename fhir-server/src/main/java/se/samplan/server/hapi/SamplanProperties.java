package se.samplan.server.hapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code samplan.*} that are not Spring's or HAPI's own. */
@ConfigurationProperties("samplan")
public class SamplanProperties {

	/** How long HAPI may answer an identical search from its result cache, in milliseconds. */
	private long searchCacheMillis = 0;

	/** Default page size of searches. */
	private int defaultPageSize = 20;

	/** Largest page size a client may ask for with _count. */
	private int maxPageSize = 200;

	public long getSearchCacheMillis() {
		return searchCacheMillis;
	}

	public void setSearchCacheMillis(long searchCacheMillis) {
		this.searchCacheMillis = searchCacheMillis;
	}

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
