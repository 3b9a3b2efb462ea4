package se.samplan.server.sip;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/** The county's settings of the follow-up statistics (followup.md, "Statistics"), under {@code samplan.statistics.*}. */
@ConfigurationProperties("samplan.statistics")
public class StatisticsSettings {

	/** Counts from 1 to this minus 1 are masked for callers other than the operator. */
	private int suppressBelow = 5;
	private final Kva kva = new Kva();

	public int getSuppressBelow() {
		return suppressBelow;
	}

	public void setSuppressBelow(int suppressBelow) {
		this.suppressBelow = suppressBelow;
	}

	public Kva getKva() {
		return kva;
	}

	/** The KVÅ codes (R14) recorded as Procedures: none by default, as no code values are assumed. */
	public static class Kva {

		/** Recorded at activation: SIP made. */
		private List<String> made = new ArrayList<>();
		/** Recorded at each follow-up: SIP followed up. */
		private List<String> followedUp = new ArrayList<>();

		public List<String> getMade() {
			return made;
		}

		public void setMade(List<String> made) {
			this.made = made;
		}

		public List<String> getFollowedUp() {
			return followedUp;
		}

		public void setFollowedUp(List<String> followedUp) {
			this.followedUp = followedUp;
		}
	}
}
