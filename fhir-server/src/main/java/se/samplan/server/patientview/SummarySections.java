package se.samplan.server.patientview;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityDetailComponent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import se.samplan.server.sip.SipUrls;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * The person's view of a plan in plain Swedish, as sections of XHTML that are both the narrative of the
 * FHIR document and the body of the HTML page and PDF: what matters to me, my goals, the services (what,
 * who, when), overall responsibility, my contacts, follow-up and coming meetings, my consent.
 */
final class SummarySections {

	/** One part of the plan: its heading, its text (an XHTML fragment) and the resources it is made from. */
	record Section(String code, String title, String xhtml, List<Resource> entries) {}

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
				list(mine.stream().map(g -> esc(g.getDescription().getText())).toList(),
						"Inget är skrivet än. Du kan själv skriva vad som är viktigt för dig."), new ArrayList<>(mine)));
		sections.add(new Section("goals", "Mina mål",
				list(shared.stream().map(g -> esc(g.getDescription().getText())).toList(), "Inga mål är skrivna än."),
				new ArrayList<>(shared)));
		sections.add(services(view));
		sections.add(responsibility(view));
		sections.add(contacts(view));
		sections.add(followUp(view));
		sections.add(consent(view));
		return sections;
	}

	/** The plan's title line: whose plan, and its state in words. */
	static String heading(PlanForPerson view) {
		return "Samordnad individuell plan för " + name(view.patient());
	}

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
		StringBuilder rows = new StringBuilder();
		for (CarePlan.CarePlanActivityComponent activity : view.plan().getActivity()) {
			CarePlanActivityDetailComponent d = activity.getDetail();
			List<String> who = d.getPerformer().stream().map(p -> who(p, view)).toList();
			rows.append("<tr><td>").append(esc(d.getDescription())).append("</td><td>").append(String.join("<br/>", who))
					.append("</td><td>").append(esc(when(d))).append("</td><td>").append(esc(activityStatus(d))).append("</td></tr>");
		}
		String xhtml = rows.isEmpty() ? "<p>Inga insatser är beslutade än.</p>"
				: "<table><thead><tr><th>Vad</th><th>Vem</th><th>När</th><th>Läge</th></tr></thead><tbody>" + rows + "</tbody></table>";
		return new Section("services", "Insatser: vad, vem och när", xhtml, List.of(view.plan()));
	}

	private static Section responsibility(PlanForPerson view) {
		Organization org = view.responsible();
		String xhtml = org == null ? "<p>Det är inte bestämt än vem som har huvudansvaret.</p>"
				: "<p><b>" + esc(org.getName()) + "</b> har huvudansvaret för att planen följs och hålls samman.</p>";
		return new Section("overall-responsibility", "Vem har huvudansvaret", xhtml,
				org == null ? List.of() : List.of(org));
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
				items.add(who(p.getMember(), view) + (phone == null ? "" : ", telefon " + esc(phone)));
			}
		}
		return new Section("contacts", "Mina kontakter", list(items, "Inga kontakter är utsedda än."), entries);
	}

	private static Section followUp(PlanForPerson view) {
		StringBuilder xhtml = new StringBuilder();
		Extension next = view.plan().getExtensionByUrl(SipUrls.NEXT_FOLLOW_UP);
		xhtml.append(next != null && next.getValue() instanceof DateTimeType d
				? "<p>Nästa uppföljning: <b>" + DAY.format(d.getValue().toInstant()) + "</b>.</p>"
				: "<p>Tid för uppföljning är inte bestämd än.</p>");
		List<String> meetings = view.comingMeetings().stream().map(m -> "<b>" + esc(DAY_AND_TIME.format(m.getStart().toInstant()))
				+ "</b>: " + esc(m.getDescription()) + ". " + esc(myAnswer(m, view))).toList();
		xhtml.append("<p>Kommande möten:</p>").append(list(meetings, "Inga möten är bokade."));
		return new Section("follow-up", "Uppföljning och möten", xhtml.toString(), new ArrayList<>(view.comingMeetings()));
	}

	private static Section consent(PlanForPerson view) {
		var consent = view.consent();
		String how = "<p>Du kan när som helst ta tillbaka ditt samtycke. Säg till någon av dina kontakter, eller välj "
				+ "<b>Återkalla samtycke</b> i Mina planer. Då avslutas planen och verksamheterna slutar dela uppgifter med varandra.</p>";
		if (consent == null) {
			return new Section("consent", "Mitt samtycke", "<p>Inget samtycke är registrerat än.</p>", List.of());
		}
		List<String> orgs = consent.getProvision().getActor().stream().map(a -> who(a.getReference(), view)).toList();
		String given = consent.hasDateTime() ? DAY.format(consent.getDateTime().toInstant()) : "";
		String state = switch (consent.getStatus()) {
			case ACTIVE -> "<p>Samtycke gavs " + given + ". Dessa verksamheter får dela uppgifter med varandra för din plan:</p>"
					+ list(orgs, "") + how;
			case INACTIVE, REJECTED -> "<p>Samtycket är återkallat. Verksamheterna delar inte längre uppgifter för planen.</p>";
			default -> "<p>Samtycket är inte klart än.</p>";
		};
		return new Section("consent", "Mitt samtycke", state, List.of(consent));
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
			return esc(o.getName());
		}
		if (r instanceof PractitionerRole role) {
			String title = role.getCodeFirstRep().hasText() ? role.getCodeFirstRep().getText()
					: role.getCodeFirstRep().getCodingFirstRep().getDisplay();
			Resource org = view.referenced().get(ref(role.getOrganization()));
			String person = role.getPractitioner().getDisplay();
			return esc((person == null ? "" : person + ", ") + (title == null ? "Kontaktperson" : title)
					+ (org instanceof Organization o ? ", " + o.getName() : ""));
		}
		if (r instanceof Patient p) {
			return "Du själv (" + esc(name(p)) + ")";
		}
		if (r instanceof RelatedPerson rp) {
			return esc(name(rp.getNameFirstRep()));
		}
		return esc(reference.hasDisplay() ? reference.getDisplay() : "Okänd");
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
		return patient == null ? "" : name(patient.getNameFirstRep());
	}

	private static String name(HumanName name) {
		return name.hasText() ? name.getText() : (name.getGivenAsSingleString() + " " + name.getFamily()).trim();
	}

	private static String list(List<String> items, String empty) {
		if (items.isEmpty()) {
			return empty.isEmpty() ? "" : "<p>" + esc(empty) + "</p>";
		}
		return "<ul>" + items.stream().map(i -> "<li>" + i + "</li>").reduce("", String::concat) + "</ul>";
	}

	private static String ref(Reference reference) {
		if (reference == null || !reference.hasReference()) {
			return "";
		}
		var id = reference.getReferenceElement();
		return id.getResourceType() + "/" + id.getIdPart();
	}

	/** Text as XHTML character data. */
	static String esc(String text) {
		if (text == null) {
			return "";
		}
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
