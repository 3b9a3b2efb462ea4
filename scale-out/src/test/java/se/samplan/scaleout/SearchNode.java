package se.samplan.scaleout;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One OpenSearch node in a JVM of its own (OpenSearch brings its own logging and libraries), on loopback:
 * {@code SearchNode <folder> <http port>}. Prints "ready" when the cluster is yellow; stops when its process is.
 */
public final class SearchNode {

	private SearchNode() {
	}

	public static void main(String[] args) throws Exception {
		OpenSearchRunner runner = new OpenSearchRunner();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				runner.close();
			} catch (Exception e) {
				// the process is ending anyway
			}
		}));
		runner.onBuild((number, settings) -> settings.put("network.host", "127.0.0.1")
				.put("discovery.type", "single-node").put("http.port", args[1]));
		runner.build(OpenSearchRunner.newConfigs().numOfNode(1).basePath(args[0]).clusterName("samplan-test")
				.disableESLogger().printOnFailure());
		runner.ensureYellow();
		System.out.println("ready");
		Thread.currentThread().join();
	}
}
