package se.samplan.testkit.county;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Reference;

import java.util.Date;
import java.util.List;

/** A SIP consent (SipConsent profile) as a client writes it, for the kit, the county and the benchmark. */
public final class SipConsents {

	private static final String SIP = "https://samplan.github.io/fhir";

	private SipConsents() {
	}

	/** Given in words by {@code performers} for the plans of {@code patient}, naming {@code organizations} as recipients. */
	public static Consent given(String patient, List<String> performers, List<String> organizations) {
		Consent c = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(new Reference(patient)).setDateTime(new Date());
		c.addExtension(SIP + "/StructureDefinition/sip-consent-method", new CodeType("spoken"));
		c.getScope().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null));
		c.addCategory().addCoding(new Coding(SIP + "/CodeSystem/sip-consent-category", "sip", null));
		performers.forEach(p -> c.addPerformer(new Reference(p)));
		c.addPolicy().setAuthority("https://www.riksdagen.se")
				.setUri("https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/halso-och-sjukvardslag-201730_sfs-2017-30/");
		c.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
		organizations.forEach(o -> c.getProvision().addActor().setReference(new Reference(o)).getRole()
				.addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", null)));
		return c;
	}
}
