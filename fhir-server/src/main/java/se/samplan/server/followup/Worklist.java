package se.samplan.server.followup;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of {@code $sip-worklist} (followup.md, "Worklists"), each with the caller it is for. */
enum Worklist {
	INVITATIONS_TO_ANSWER("invitations-to-answer", false),
	FOLLOW_UPS_DUE("follow-ups-due", false),
	FOLLOW_UPS_OVERDUE("follow-ups-overdue", false),
	WAITING_FOR_CONSENT("waiting-for-consent", false),
	WAITING_FOR_MEETING("waiting-for-meeting", false),
	DEVIATIONS_OPEN("deviations-open", false),
	/** The person's or guardian's own coming meetings not answered yet. */
	MEETINGS_TO_ANSWER("meetings-to-answer", true);

	private final String code;
	private final boolean personal;

	Worklist(String code, boolean personal) {
		this.code = code;
		this.personal = personal;
	}

	String code() {
		return code;
	}

	/** For the person or a guardian; the others are for an organisation's staff and systems. */
	boolean personal() {
		return personal;
	}

	static Optional<Worklist> of(String code) {
		return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
	}
}
