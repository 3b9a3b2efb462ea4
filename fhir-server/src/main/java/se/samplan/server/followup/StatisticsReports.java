package se.samplan.server.followup;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.UriParam;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.sip.StatisticsSettings;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The follow-up statistics as a summary MeasureReport against Measure/sip-follow-up, or as CSV, each group named by its
 * code and Swedish text (sip-statistics). When {@code masked}, counts from 1 to {@code samplan.statistics.suppress-below}
 * minus 1 are left out (data-absent-reason {@code masked}; "< 5" in CSV), and so is a score computed from such a count.
 */
@Component
class StatisticsReports {

	static final String MEASURE = SipPackage.CANONICAL + "/Measure/sip-follow-up";
	private static final String POPULATION = "http://terminology.hl7.org/CodeSystem/measure-population";
	private static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
	private static final String UCUM = "http://unitsofmeasure.org";

	private final Stored stored;
	private final StatisticsSettings settings;
	private final Clock clock;
	private final Map<String, String> texts = new ConcurrentHashMap<>();

	StatisticsReports(Stored stored, StatisticsSettings settings, Clock clock) {
		this.stored = stored;
		this.settings = settings;
		this.clock = clock;
	}

	MeasureReport measureReport(Figures figures, boolean masked) {
		MeasureReport report = new MeasureReport().setStatus(MeasureReport.MeasureReportStatus.COMPLETE)
				.setType(MeasureReport.MeasureReportType.SUMMARY).setMeasure(MEASURE).setDate(Date.from(clock.instant()));
		report.getPeriod().setStartElement(new DateTimeType(figures.start().toString()))
				.setEndElement(new DateTimeType(figures.end().toString()));
		if (figures.principal() != null) {
			report.setReporter(new Reference(figures.principal()));
		}
		for (Figures.Group g : figures.groups()) {
			MeasureReport.MeasureReportGroupComponent group = report.addGroup().setCode(concept(g.code()));
			if (g.numerator() != null) {
				population(group.addPopulation(), "numerator", g.numerator(), masked);
				population(group.addPopulation(), "denominator", g.denominator(), masked);
			} else {
				population(group.addPopulation(), g.score() != null || g.unit() != null ? "measure-population" : "initial-population",
						g.count(), masked);
			}
			if (g.score() != null && !(masked && (hidden(g.count()) || g.numerator() != null && hidden(g.numerator())))) {
				group.setMeasureScore(new Quantity().setValue(g.score()).setUnit(g.unit()).setSystem(UCUM).setCode(g.unit()));
			}
			if (g.stratifier() != null) {
				MeasureReport.MeasureReportGroupStratifierComponent stratifier = group.addStratifier();
				stratifier.addCode(concept(g.stratifier()));
				for (Figures.Stratum s : g.strata()) {
					MeasureReport.StratifierGroupComponent stratum = stratifier.addStratum();
					stratum.setValue(s.value() != null ? new CodeableConcept(s.value()) : new CodeableConcept().setText(s.text()));
					MeasureReport.StratifierGroupPopulationComponent population = stratum.addPopulation();
					population.getCode().addCoding(new Coding(POPULATION, "initial-population", null));
					setCount(population.getCountElement(), s.count(), masked);
				}
			}
		}
		return report;
	}

	String csv(Figures figures, boolean masked) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("grupp", "text", "indelning", "del",
				"antal", "täljare", "nämnare", "värde", "enhet").build())) {
			for (Figures.Group g : figures.groups()) {
				boolean scoreHidden = masked && (hidden(g.count()) || g.numerator() != null && hidden(g.numerator()));
				csv.printRecord(g.code(), text(g.code()), "", "", count(g.count(), masked),
						g.numerator() == null ? "" : count(g.numerator(), masked), g.denominator() == null ? "" : count(g.denominator(), masked),
						g.score() == null || scoreHidden ? "" : g.score().toPlainString(), g.unit() == null ? "" : g.unit());
				for (Figures.Stratum s : g.strata()) {
					csv.printRecord(g.code(), text(g.code()), g.stratifier(), s.value() != null ? s.value().getCode() : s.text(),
							count(s.count(), masked), "", "", "", "");
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	private void population(MeasureReport.MeasureReportGroupPopulationComponent population, String code, int count, boolean masked) {
		population.getCode().addCoding(new Coding(POPULATION, code, null));
		setCount(population.getCountElement(), count, masked);
	}

	private void setCount(IntegerType element, int count, boolean masked) {
		if (masked && hidden(count)) {
			element.addExtension(DATA_ABSENT_REASON, new CodeType("masked"));
		} else {
			element.setValue(count);
		}
	}

	private String count(int count, boolean masked) {
		return masked && hidden(count) ? "< " + settings.getSuppressBelow() : String.valueOf(count);
	}

	/** A small count that could point out a person. */
	private boolean hidden(int count) {
		return count > 0 && count < settings.getSuppressBelow();
	}

	private CodeableConcept concept(String code) {
		return new CodeableConcept(new Coding(Statistics.SYSTEM, code, text(code))).setText(text(code));
	}

	/** The Swedish display of a sip-statistics code, from the package's code system as the server stored it. */
	private String text(String code) {
		if (texts.isEmpty()) {
			stored.search(CodeSystem.class, SearchParameterMap.newSynchronous().add(CodeSystem.SP_URL, new UriParam(Statistics.SYSTEM)))
					.forEach(cs -> cs.getConcept().forEach(c -> texts.put(c.getCode(), c.getDisplay())));
		}
		return texts.getOrDefault(code, code);
	}
}
