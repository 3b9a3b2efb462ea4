package se.samplan.server.sip;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;


import java.util.Arrays;
import java.util.Optional;

/**
 * The phase of a SIP (fas), kept by the server in the {@code sip-phase} extension together with the
 * matching {@code CarePlan.status} (workflow.md, "Phases").
 */
public enum SipPhase {
	INITIATED(CarePlanStatus.DRAFT),
	CONSENTED(CarePlanStatus.DRAFT),
	INVITED(CarePlanStatus.DRAFT),
	ACTIVE(CarePlanStatus.ACTIVE),
	/** Completed, or revoked when closed before active or for withdrawn consent. */
	CLOSED(CarePlanStatus.COMPLETED);

	public static final String EXTENSION = SipUrls.PHASE;

	private final CarePlanStatus status;

	SipPhase(CarePlanStatus status) {
		this.status = status;
	}

	public String code() {
		return name().toLowerCase();
	}

	public static Optional<SipPhase> of(CarePlan plan) {
		Extension e = plan.getExtensionByUrl(EXTENSION);
		if (e == null || !(e.getValue() instanceof CodeType code)) {
			return Optional.empty();
		}
		return Arrays.stream(values()).filter(p -> p.code().equals(code.getValue())).findFirst();
	}

	/** A plan is closed by its phase, or by its status when the phase is missing. */
	public static boolean isClosed(CarePlan plan) {
		return of(plan).map(p -> p == CLOSED).orElse(plan.getStatus() == CarePlanStatus.COMPLETED
				|| plan.getStatus() == CarePlanStatus.REVOKED || plan.getStatus() == CarePlanStatus.ENTEREDINERROR);
	}

	/** Sets this phase and its status; a plan closed before it was active, or revoked, gets {@code revoked}. */
	public void applyTo(CarePlan plan, boolean revoked) {
		plan.getExtension().removeIf(e -> EXTENSION.equals(e.getUrl()));
		plan.addExtension(EXTENSION, new CodeType(code()));
		plan.setStatus(this == CLOSED && revoked ? CarePlanStatus.REVOKED : status);
	}
}
