package se.samplan.testkit.county;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.List;

/**
 * The organisations a county's plans are made between: the units that register plans, each with the member of
 * staff who convenes their meetings, and the units they work with. Either the demo scenarios' organisations
 * (already on a demo server) or a synthetic county of one region and five municipalities, loaded by
 * {@link #bundle()} before any person.
 */
public final class CountyDirectory {

	/** A unit taking part in plans: {@code staff} is the PractitionerRole convening its meetings, if it registers plans. */
	public record Unit(String reference, String staff, int municipality) {
		public boolean registers() {
			return staff != null;
		}
	}

	private static final String SIP = "https://samplan.github.io/fhir";
	private static final String HSA_ID = "urn:oid:1.2.752.29.4.19";
	private static final String COUNTY_CODE = "urn:oid:1.2.752.129.2.2.1.18";
	private static final String[] MUNICIPALITIES = {"Åmål", "Säffle", "Töreboda", "Ödeshög", "Härryda"};

	private final List<Unit> units;
	private final List<Resource> resources;

	private CountyDirectory(List<Unit> units, List<Resource> resources) {
		this.units = List.copyOf(units);
		this.resources = List.copyOf(resources);
	}

	/** The demo scenarios' organisations: scenario 1's health centre registers, six others take part. */
	public static CountyDirectory demo() {
		List<Unit> units = new ArrayList<>();
		units.add(new Unit("Organization/sip1-org-vardcentral", "PractitionerRole/sip1-role-distriktsskoterska", 0));
		for (String id : List.of("sip1-org-hemtjanst", "sip1-org-kommun", "sip1-org-region", "sip2-org-bup", "sip2-org-skola",
				"sip2-org-socialtjanst")) {
			units.add(new Unit("Organization/" + id, null, 0));
		}
		return new CountyDirectory(units, List.of());
	}

	/**
	 * One region (its health centre in each municipality registers plans; psychiatry, child psychiatry and
	 * habilitation take part) and five municipalities (social services register; home care and school take part).
	 */
	public static CountyDirectory synthetic() {
		List<Unit> units = new ArrayList<>();
		List<Resource> resources = new ArrayList<>();
		Organization region = organization("bench-region", "Region Exempel", "region", null);
		resources.add(region);
		for (String[] unit : new String[][] {{"psykiatri", "Psykiatrimottagningen"}, {"bup", "Barn- och ungdomspsykiatrin"},
				{"habilitering", "Habiliteringen"}}) {
			resources.add(organization("bench-region-" + unit[0], unit[1], "region", region));
			units.add(new Unit("Organization/bench-region-" + unit[0], null, -1));
		}
		for (int m = 0; m < MUNICIPALITIES.length; m++) {
			String name = MUNICIPALITIES[m];
			Organization kommun = organization("bench-k" + m, name + " kommun", "kommun", null);
			resources.add(kommun);
			Organization centre = organization("bench-k" + m + "-vardcentral", "Vårdcentralen " + name, "region", region);
			Organization social = organization("bench-k" + m + "-socialtjanst", "Socialtjänsten i " + name, "kommun", kommun);
			resources.add(centre);
			resources.add(social);
			resources.add(role("bench-k" + m + "-role-skoterska", centre, "Distriktssköterska, fast vårdkontakt"));
			resources.add(role("bench-k" + m + "-role-handlaggare", social, "Socialsekreterare, samordnare"));
			units.add(new Unit("Organization/" + centre.getId(), "PractitionerRole/bench-k" + m + "-role-skoterska", m));
			units.add(new Unit("Organization/" + social.getId(), "PractitionerRole/bench-k" + m + "-role-handlaggare", m));
			for (String[] unit : new String[][] {{"hemtjanst", "Hemtjänsten i " + name}, {"skola", "Grundskolan i " + name}}) {
				resources.add(organization("bench-k" + m + "-" + unit[0], unit[1], unit[0].equals("skola") ? "school" : "kommun", kommun));
				units.add(new Unit("Organization/bench-k" + m + "-" + unit[0], null, m));
			}
		}
		return new CountyDirectory(units, resources);
	}

	public List<Unit> units() {
		return units;
	}

	public List<Unit> registering() {
		return units.stream().filter(Unit::registers).toList();
	}

	/** The units a plan registered by {@code unit} may be shared with: its municipality's and the region's. */
	public List<Unit> partners(Unit unit) {
		return units.stream().filter(u -> !u.equals(unit) && (u.municipality() == unit.municipality() || u.municipality() < 0)).toList();
	}

	/** A transaction of PUTs (client-assigned ids) creating the directory; empty for the demo's. */
	public Bundle bundle() {
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		resources.forEach(r -> tx.addEntry().setResource(r).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl(r.fhirType() + "/" + r.getIdElement().getIdPart()));
		return tx;
	}

	private static Organization organization(String id, String name, String kind, Organization partOf) {
		Organization o = new Organization().setName(name).setActive(true);
		o.setId(id);
		o.getMeta().addProfile(SIP + "/StructureDefinition/SipOrganization");
		o.addType().addCoding(new Coding(SIP + "/CodeSystem/sip-organization-kind", kind, null));
		o.addIdentifier().setSystem(HSA_ID).setValue("SE2321000000-" + id.toUpperCase().replace("-", ""))
				.getType().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "PRN", null));
		o.addExtension(SIP + "/StructureDefinition/sip-county-code", new Coding(COUNTY_CODE, "14", null));
		if (partOf != null) {
			o.setPartOf(new Reference("Organization/" + partOf.getId()));
		}
		return o;
	}

	private static PractitionerRole role(String id, Organization organization, String title) {
		PractitionerRole r = new PractitionerRole().setActive(true).setOrganization(new Reference("Organization/" + organization.getId()));
		r.setId(id);
		r.getMeta().addProfile(SIP + "/StructureDefinition/SipPractitionerRole");
		r.getPractitioner().setDisplay("Kim Lindqvist");
		r.addCode().setText(title);
		return r;
	}
}
