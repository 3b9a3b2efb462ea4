package se.samplan.server.hapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the full-text index ({@code _content}, {@code _text}, terminology) lives: {@code lucene} on the node's disk
 * (one node), or {@code elasticsearch}, a search cluster that several nodes share (OpenSearch 2.x or Elasticsearch).
 */
@ConfigurationProperties("samplan.search-engine")
public class SearchEngineProperties {

	public enum Type { LUCENE, ELASTICSEARCH }

	private Type type = Type.LUCENE;

	/** The cluster's nodes, host:port separated by commas, without the protocol. */
	private String hosts = "localhost:9200";

	/** http or https. */
	private String protocol = "http";

	private String username;

	private String password;

	/** Put before each index name, so that several servers can share one cluster. */
	private String indexPrefix = "samplan";

	public Type getType() {
		return type;
	}

	public void setType(Type type) {
		this.type = type;
	}

	public String getHosts() {
		return hosts;
	}

	public void setHosts(String hosts) {
		this.hosts = hosts;
	}

	public String getProtocol() {
		return protocol;
	}

	public void setProtocol(String protocol) {
		this.protocol = protocol;
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getIndexPrefix() {
		return indexPrefix;
	}

	public void setIndexPrefix(String indexPrefix) {
		this.indexPrefix = indexPrefix;
	}
}
