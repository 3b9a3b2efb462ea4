import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * A receiver of Samplan's notifications to watch them arrive: {@code java docs/NotificationReceiver.java [port]}
 * (Java 17 runs the source file as it is). It prints each request (the handshake, the heartbeats, the event
 * notifications: a Bundle whose first entry is the subscription's status, naming the focus of the event) and answers
 * 200. Point a Subscription's {@code channel.endpoint} at {@code http://localhost:<port>/}.
 */
public class NotificationReceiver {

	public static void main(String[] args) throws IOException {
		int port = args.length > 0 ? Integer.parseInt(args[0]) : 9090;
		HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
		server.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			System.out.printf("%s %s %s (%s)%n%s%n%n", LocalTime.now().truncatedTo(ChronoUnit.MILLIS), exchange.getRequestMethod(),
					exchange.getRequestURI(), exchange.getRequestHeaders().getFirst("Content-Type"), body.isEmpty() ? "(no body)" : body);
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		System.out.println("Listening on http://localhost:" + port + "/");
	}
}
