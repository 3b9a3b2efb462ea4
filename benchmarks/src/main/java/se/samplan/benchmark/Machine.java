package se.samplan.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the machine's processors did, from {@code /proc}: all busy time, and the time of this benchmark's own
 * processes (the client, its finished children such as {@code jcmd}, and the server under test with its database
 * server and that one's workers). The difference is what other processes used; a round in which they used more
 * than a set share of a core is not reported.
 */
final class Machine {

	/** Linux reports process and processor times in USER_HZ, 100 per second on every common kernel. */
	private static final double TICKS_PER_SECOND = 100;

	record Sample(long busy, long own, long nanos) {}

	private Machine() {}

	/** @param server the processes of the server under test: each with its finished and running descendants */
	static Sample sample(List<ProcessHandle> server) {
		long own = ticks(ProcessHandle.current().pid(), true);
		for (ProcessHandle root : server) {
			own += ticks(root.pid(), true) + root.descendants().mapToLong(p -> ticks(p.pid(), false)).sum();
		}
		return new Sample(busy(), own, System.nanoTime());
	}

	/** Cores' worth of processor time that other processes used between the two samples. */
	static double otherCores(Sample from, Sample to) {
		double seconds = (to.nanos() - from.nanos()) / 1e9;
		long other = (to.busy() - from.busy()) - (to.own() - from.own());
		return Math.max(0, other / TICKS_PER_SECOND / seconds);
	}

	private static long busy() {
		List<String> fields = Arrays.asList(read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+"));
		// cpu user nice system idle iowait irq softirq steal: everything but idle and iowait is work done.
		long busy = 0;
		for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
			busy += Long.parseLong(fields.get(i));
		}
		return busy;
	}

	/** utime + stime (fields 14, 15 of /proc/PID/stat), and the waited-for children's (16, 17) when asked. */
	private static long ticks(long pid, boolean withChildren) {
		Path file = Path.of("/proc", Long.toString(pid), "stat");
		String stat;
		try {
			stat = Files.readString(file);
		} catch (IOException e) {
			return 0; // ended since it was listed: its time is its parent's now
		}
		String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
		return withChildren ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			throw new IllegalStateException("The benchmark needs Linux's /proc to tell whether the machine is quiet: " + e, e);
		}
	}
}
