package se.samplan.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one server gave in its rounds: latency samples by figure (ms) and single values (per second, MiB, ms). */
final class Figures {

	final Map<String, List<Double>> samples = new TreeMap<>();
	final Map<String, List<Double>> values = new TreeMap<>();

	synchronized void sample(String figure, double millis) {
		samples.computeIfAbsent(figure, f -> new ArrayList<>()).add(millis);
	}

	synchronized void value(String figure, double value) {
		values.computeIfAbsent(figure, f -> new ArrayList<>()).add(value);
	}

	synchronized void addAll(Figures round) {
		round.samples.forEach((f, s) -> samples.computeIfAbsent(f, k -> new ArrayList<>()).addAll(s));
		round.values.forEach((f, v) -> values.computeIfAbsent(f, k -> new ArrayList<>()).addAll(v));
	}

	Double median(String figure) {
		return percentile(samples.get(figure), 50);
	}

	Double p95(String figure) {
		return percentile(samples.get(figure), 95);
	}

	/** A value's median over the rounds. */
	Double value(String figure) {
		return percentile(values.get(figure), 50);
	}

	int count(String figure) {
		return samples.getOrDefault(figure, List.of()).size();
	}

	/** Nearest-rank percentile; null when there is nothing. */
	static Double percentile(List<Double> values, int p) {
		if (values == null || values.isEmpty()) {
			return null;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}
}
