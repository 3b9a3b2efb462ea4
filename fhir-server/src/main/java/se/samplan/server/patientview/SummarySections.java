package se.samplan.server.patientview;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityDetailComponent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import se.samplan.server.sip.SipResources;
import se.samplan.server.sip.SipUrls;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * The person's view of a plan in plain Swedish, as sections of plain text and lists: what matters to me, my
 * goals, the services (what, who, when), overall responsibility, my contacts, follow-up and coming meetings,
 * my consent. The markup is the templates' ({@link SummaryTemplates}); nothing here is HTML.
 */
final class SummarySections {

	/** One part of the plan: its heading, what it says, and the resources it is made from. */
	record Section(String code, String title, Content content, List<Resource> entries) {}

	/** What a section says; {@link #fragment()} names the template fragment that shows it. */
	sealed interface Content {
		String fragment();
	}

	/** A list of texts, or a sentence when there are none. */
	record Texts(List<String> items, String empty) implements Content {
		public String fragment() {
			return "texts";
		}
	}

	/** The services, one row each. */
	record Services(List<Service> rows) implements Content {
		public String fragment() {
			return "services";
		}
	}

	record Service(String what, List<String> who, String when, String state) {}

	/** The organisation holding overall responsibility, or null when not decided. */
	record Responsibility(String organisation) implements Content {
		public String fragment() {
			return "responsibility";
		}
	}

	/** The next follow-up day (null when not decided) and the coming meetings. */
	record FollowUp(String next, List<Meeting> meetings) implements Content {
		public String fragment() {
			return "follow-up";
		}
	}

	record Meeting(String when, String what, String answer) {}

	/** The consent: none, active (given on a day, for organisations), withdrawn, or not finished. */
	record ConsentState(String state, String given, List<String> organisations) implements Content {
		public String fragment() {
			return "consent";
		}
	}

	private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
	private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", SWEDISH).withZone(STOCKHOLM);
	private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'kl.' HH.mm", SWEDISH)
			.withZone(STOCKHOLM);

	private SummarySections() {}

	static List<Section> of(PlanForPerson view) {
		List<Section> sections = new ArrayList<>();
		List<Goal> mine = view.goals().stream().filter(SummarySections::whatMattersToMe).toList();
		List<Goal> shared = view.goals().stream().filter(g -> !whatMattersToMe(g)).toList();
		sections.add(new Section("what-matters-to-me", "Det här är viktigt för mig",
				new Texts(mine.stream().map(g -> g.getDescription().getText()).toList(),
						"Inget är skrivet än. Du kan själv skriva vad som är viktigt för dig."), new ArrayList<>(mine)));
		sections.add(new Section("goals", "Mina mål",
				new Texts(shared.stream().map(g -> g.getDescription().getText()).toList(), "Inga mål är skrivna än."),
				new ArrayList<>(shared)));
		sections.add(services(view));
		sections.add(responsibility(view));
		sections.add(contacts(view));
		sections.add(followUp(view));
		sections.add(consent(view));
		return sections;
	}

	/** The plan's title line: whose plan. */
	static String heading(PlanForPerson view) {
		return "Samordnad individuell plan för " + name(view.patient());
	}

	/** The plan's state in words. */
	static String status(CarePlan plan) {
		return switch (plan.getStatus()) {
			case DRAFT -> "Planen håller på att tas fram.";
			case ACTIVE -> "Planen gäller.";
			case COMPLETED -> "Planen är avslutad.";
			case REVOKED -> "Planen är avslutad och gäller inte längre.";
			default -> "";
		};
	}

	private static Section services(PlanForPerson view) {
		List<Service> rows = view.plan().getActivity().stream().map(CarePlan.CarePlanActivityComponent::getDetail)
				.map(d -> new Service(d.getDescription(), d.getPerformer().stream().map(p -> who(p, view)).toList(), when(d),
						activityStatus(d)))
				.toList();
		return new Section("services", "Insatser: vad, vem och när", new Services(rows), List.of(view.plan()));
	}

	private static Section responsibility(PlanForPerson view) {
		Organization org = view.responsible();
		return new Section("overall-responsibility", "Vem har huvudansvaret",
				new Responsibility(org == null ? null : org.getName()), org == null ? List.of() : List.of(org));
	}

	private static Section contacts(PlanForPerson view) {
		List<String> items = new ArrayList<>();
		List<Resource> entries = new ArrayList<>();
		if (view.careTeam() != null) {
			entries.add(view.careTeam());
			for (var p : view.careTeam().getParticipant()) {
				Resource member = view.referenced().get(ref(p.getMember()));
				if (member == null || member instanceof Patient) {
					continue;
				}
				String phone = phone(member);
				items.add(who(p.getMember(), view) + (phone == null ? "" : ", telefon " + phone));
			}
		}
		return new Section("contacts", "Mina kontakter", new Texts(items, "Inga kontakter är utsedda än."), entries);
	}

	private static Section followUp(PlanForPerson view) {
		Extension next = view.plan().getExtensionByUrl(SipUrls.NEXT_FOLLOW_UP);
		List<Meeting> meetings = view.comingMeetings().stream()
				.map(m -> new Meeting(DAY_AND_TIME.format(m.getStart().toInstant()), m.getDescription(), myAnswer(m, view))).toList();
		return new Section("follow-up", "Uppföljning och möten",
				new FollowUp(next != null && next.getValue() instanceof DateTimeType d ? DAY.format(d.getValue().toInstant()) : null,
						meetings),
				new ArrayList<>(view.comingMeetings()));
	}

	private static Section consent(PlanForPerson view) {
		var consent = view.consent();
		if (consent == null) {
			return new Section("consent", "Mitt samtycke", new ConsentState("none", null, List.of()), List.of());
		}
		List<String> orgs = consent.getProvision().getActor().stream().map(a -> who(a.getReference(), view)).toList();
		String given = consent.hasDateTime() ? DAY.format(consent.getDateTime().toInstant()) : "";
		String state = switch (consent.getStatus()) {
			case ACTIVE -> "active";
			case INACTIVE, REJECTED -> "withdrawn";
			default -> "pending";
		};
		return new Section("consent", "Mitt samtycke", new ConsentState(state, given, orgs), List.of(consent));
	}

	private static String myAnswer(Appointment meeting, PlanForPerson view) {
		String me = "Patient/" + view.patient().getIdElement().getIdPart();
		return meeting.getParticipant().stream().filter(p -> me.equals(ref(p.getActor()))).findFirst()
				.map(p -> switch (p.getStatus()) {
					case ACCEPTED -> "Du har tackat ja.";
					case DECLINED -> "Du har tackat nej.";
					default -> "Du har inte svarat än.";
				}).orElse("");
	}

	/** Who a reference is, in words: an organisation's name, a role at an organisation, a person's name. */
	static String who(Reference reference, PlanForPerson view) {
		Resource r = view.referenced().get(ref(reference));
		if (r instanceof Organization o) {
			return o.getName();
		}
		if (r instanceof PractitionerRole role) {
			String title = role.getCodeFirstRep().hasText() ? role.getCodeFirstRep().getText()
					: role.getCodeFirstRep().getCodingFirstRep().getDisplay();
			Resource org = view.referenced().get(ref(role.getOrganization()));
			String person = role.getPractitioner().getDisplay();
			return (person == null ? "" : person + ", ") + (title == null ? "Kontaktperson" : title)
					+ (org instanceof Organization o ? ", " + o.getName() : "");
		}
		if (r instanceof Patient p) {
			return "Du själv (" + name(p) + ")";
		}
		if (r instanceof RelatedPerson rp) {
			return SipResources.displayName(rp.getNameFirstRep());
		}
		return reference.hasDisplay() ? reference.getDisplay() : "Okänd";
	}

	private static String phone(Resource r) {
		List<ContactPoint> telecom = r instanceof PractitionerRole role ? role.getTelecom()
				: r instanceof Organization o ? o.getTelecom() : List.of();
		return telecom.stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
				.map(ContactPoint::getValue).findFirst().orElse(null);
	}

	private static String when(CarePlanActivityDetailComponent d) {
		if (d.hasScheduledStringType()) {
			return d.getScheduledStringType().getValue();
		}
		if (d.hasScheduledPeriod()) {
			Date start = d.getScheduledPeriod().getStart();
			Date end = d.getScheduledPeriod().getEnd();
			return (start == null ? "" : "från " + DAY.format(start.toInstant())) + (end == null ? "" : " till " + DAY.format(end.toInstant()));
		}
		if (d.hasScheduledTiming() && d.getScheduledTiming().getCode().hasText()) {
			return d.getScheduledTiming().getCode().getText();
		}
		return "Inte bestämt";
	}

	private static String activityStatus(CarePlanActivityDetailComponent d) {
		if (d.getStatus() == null) {
			return "";
		}
		return switch (d.getStatus()) {
			case NOTSTARTED -> "Inte påbörjad";
			case SCHEDULED -> "Planerad";
			case INPROGRESS -> "Pågår";
			case ONHOLD -> "Pausad";
			case COMPLETED -> "Klar";
			case CANCELLED -> "Inställd";
			case STOPPED -> "Avbruten";
			default -> "";
		};
	}

	static boolean whatMattersToMe(Goal goal) {
		return goal.getCategory().stream().anyMatch(c -> c.hasCoding(SipUrls.GOAL_CATEGORY_SYSTEM, "what-matters-to-me"));
	}

	static String name(Patient patient) {
		return patient == null ? "" : SipResources.displayName(patient.getNameFirstRep());
	}

	private static String ref(Reference reference) {
		if (reference == null || !reference.hasReference()) {
			return "";
		}
		var id = reference.getReferenceElement();
		return id.getResourceType() + "/" + id.getIdPart();
	}
}
