package se.samplan.server.notification;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP receiver of notifications, as an organisation would run one: it answers 200 (or 503 while it is "down")
 * and keeps what it received, by path.
 */
final class Receiver implements AutoCloseable {

	/** One request the receiver got. */
	record Received(String method, String path, String contentType, String body, long atMillis) {}

	private final HttpServer server;
	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
	private volatile boolean down;

	Receiver() {
		try {
			server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			if (down) {
				exchange.sendResponseHeaders(503, -1);
			} else {
				received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
						exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8),
						System.currentTimeMillis()));
				exchange.sendResponseHeaders(200, -1);
			}
			exchange.close();
		});
		server.start();
	}

	String url(String path) {
		return "http://localhost:" + server.getAddress().getPort() + path;
	}

	void down(boolean down) {
		this.down = down;
	}

	/** The next request to this path within the time, or null. */
	Received next(String path, Duration within) {
		long end = System.nanoTime() + within.toNanos();
		List<Received> others = new ArrayList<>();
		try {
			while (System.nanoTime() < end) {
				Received r = received.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
				if (r == null) {
					break;
				}
				if (r.path().equals(path)) {
					received.addAll(others);
					return r;
				}
				others.add(r);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		received.addAll(others);
		return null;
	}

	/** Everything received at this path within the time (waits it out), taken. */
	List<Received> collect(String path, Duration during) {
		try {
			Thread.sleep(during.toMillis());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return drain(path);
	}

	/** Everything received at this path so far, taken. */
	List<Received> drain(String path) {
		List<Received> all = new ArrayList<>();
		received.drainTo(all);
		List<Received> at = all.stream().filter(r -> r.path().equals(path)).toList();
		all.stream().filter(r -> !r.path().equals(path)).forEach(received::add);
		return at;
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
