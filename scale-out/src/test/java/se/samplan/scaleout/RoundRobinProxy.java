package se.samplan.scaleout;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse proxy in front of the nodes, as a county runs one (Jetty's): each request to the next node in turn, the
 * backend addressed by its own host and port, the client's address in {@code X-Forwarded-Host}, {@code -Port} and
 * {@code -Proto}, as nginx is usually set up. It remembers which node answered each request.
 */
final class RoundRobinProxy implements AutoCloseable {

	private final Server server = new Server();
	private final List<Integer> served = new CopyOnWriteArrayList<>();

	RoundRobinProxy(List<Integer> nodePorts) throws Exception {
		AtomicInteger next = new AtomicInteger();
		ServerConnector connector = new ServerConnector(server);
		connector.setHost("127.0.0.1");
		server.addConnector(connector);
		server.setHandler(new ProxyHandler.Reverse(request -> {
			int port = nodePorts.get(Math.floorMod(next.getAndIncrement(), nodePorts.size()));
			served.add(port);
			return HttpURI.build(request.getHttpURI()).scheme("http").host("127.0.0.1").port(port);
		}) {
			@Override
			protected void copyRequestHeaders(Request clientToProxyRequest, org.eclipse.jetty.client.Request proxyToServerRequest) {
				super.copyRequestHeaders(clientToProxyRequest, proxyToServerRequest);
				proxyToServerRequest.headers(headers -> headers.remove(HttpHeader.HOST)); // the backend's own, as nginx's default
			}

			@Override
			protected void addProxyHeaders(Request clientToProxyRequest, org.eclipse.jetty.client.Request proxyToServerRequest) {
				super.addProxyHeaders(clientToProxyRequest, proxyToServerRequest);
				proxyToServerRequest.headers(headers -> headers
						.put("X-Forwarded-Host", Request.getServerName(clientToProxyRequest))
						.put("X-Forwarded-Port", String.valueOf(Request.getServerPort(clientToProxyRequest)))
						.put("X-Forwarded-Proto", clientToProxyRequest.getHttpURI().getScheme()));
			}
		});
		server.start();
	}

	int port() {
		return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
	}

	String root() {
		return "http://127.0.0.1:" + port();
	}

	/** The node port that answered the n-th request (counting from 0) since the proxy started. */
	int servedBy(int request) {
		return served.get(request);
	}

	int requests() {
		return served.size();
	}

	@Override
	public void close() throws Exception {
		server.stop();
	}
}
