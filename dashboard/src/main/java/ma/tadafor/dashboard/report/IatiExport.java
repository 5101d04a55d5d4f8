package ma.tadafor.dashboard.report;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.context.MessageSource;

import ma.tadafor.dashboard.api.ReportingScopes;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.period.Semester;
import ma.tadafor.data.framework.IndicatorDefinition;
import ma.tadafor.data.framework.ResultsFrameworkStore;
import ma.tadafor.data.mart.IndicatorFigure;
import ma.tadafor.data.mart.IndicatorQueries;

/**
 * The results framework as one IATI 2.03 {@code iati-activity}: the programme, then results R1–R4
 * with their indicators, baselines, and one period per semester of the programme that has a target
 * or an actual at programme scope; actuals carry their split by sex, age and disability where
 * {@link ParticipantBreakdown} can give one. Codes are those of the IATI codelists. The file leaves
 * the platform: whoever exports it, actuals made of participant counts are the protected ones, and
 * one the disclosure layer suppresses is left out (no {@code <actual>}) rather than written as 0. A
 * target the demo invented says so in a comment, and the activity in a description, so that a file
 * taken from the demo cannot pass for the programme's report.
 */
final class IatiExport {

    /** Enabel's organisation identifier in IATI (its Belgian company number). */
    static final String ENABEL_ORG_REF = "BE-BCE_KBO-0264814354";

    private static final String ORGANISATION_TYPE_GOVERNMENT = "10";
    private static final String ROLE_FUNDING = "1";
    private static final String ROLE_ACCOUNTABLE = "2";
    private static final String ROLE_IMPLEMENTING = "4";
    private static final String STATUS_PIPELINE = "1";
    private static final String STATUS_IMPLEMENTATION = "2";
    /** Work over, the activity still open for its final report and evaluation. */
    private static final String STATUS_FINALISATION = "3";
    private static final String DESCRIPTION_OBJECTIVES = "2";
    private static final String DESCRIPTION_OTHER = "4";
    private static final String DATE_ACTUAL_START = "2";
    private static final String DATE_PLANNED_END = "3";
    private static final String RESULT_OUTCOME = "2";
    private static final String MEASURE_UNIT = "1";
    private static final String MEASURE_PERCENTAGE = "2";
    /** The framework's baselines are the situation of 2022S1, before the communes' work began. */
    private static final Semester BASELINE = new Semester(2022, 1);

    private final Programme programme;
    private final ResultsFrameworkStore framework;
    private final IndicatorQueries indicators;
    private final ParticipantBreakdown breakdown;
    private final Disclosure disclosure;
    private final MessageSource messages;

    IatiExport(Programme programme, ResultsFrameworkStore framework, IndicatorQueries indicators,
            ParticipantBreakdown breakdown, Disclosure disclosure, MessageSource messages) {
        this.programme = programme;
        this.framework = framework;
        this.indicators = indicators;
        this.breakdown = breakdown;
        this.disclosure = disclosure;
        this.messages = messages;
    }

    byte[] write(OffsetDateTime now) {
        List<Semester> semesters = Semester.between(programme.start(), programme.end());
        Map<Semester, Map<String, IndicatorFigure>> figures = new LinkedHashMap<>();
        for (Semester semester : semesters) {
            Map<String, IndicatorFigure> byCode = new HashMap<>();
            indicators.indicators(ReportingScopes.PROGRAMME, semester.code()).forEach(f -> byCode.put(f.code(), f));
            figures.put(semester, byCode);
        }
        Map<String, List<IndicatorDefinition>> byResult = new LinkedHashMap<>();
        framework.indicators().forEach(i -> byResult.computeIfAbsent(i.result(), r -> new ArrayList<>()).add(i));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            String timestamp = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("iati-activities");
            xml.writeAttribute("version", "2.03");
            xml.writeAttribute("generated-datetime", timestamp);
            xml.writeStartElement("iati-activity");
            xml.writeAttribute("last-updated-datetime", timestamp);
            xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "fr");
            xml.writeAttribute("default-currency", "EUR");
            boolean demo = figures.values().stream().flatMap(f -> f.values().stream()).anyMatch(IndicatorFigure::demo);
            activity(xml, now.toLocalDate(), demo);
            for (Map.Entry<String, List<IndicatorDefinition>> result : byResult.entrySet()) {
                result(xml, result.getKey(), result.getValue(), figures);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the IATI export failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private void activity(XMLStreamWriter xml, LocalDate today, boolean demo) throws XMLStreamException {
        text(xml, "iati-identifier", ENABEL_ORG_REF + "-" + programme.enabelCode());
        xml.writeStartElement("reporting-org");
        xml.writeAttribute("ref", ENABEL_ORG_REF);
        xml.writeAttribute("type", ORGANISATION_TYPE_GOVERNMENT);
        narrative(xml, null, programme.implementer());
        xml.writeEndElement();
        xml.writeStartElement("title");
        narrative(xml, null, programme.titleFr());
        xml.writeEndElement();
        xml.writeStartElement("description");
        xml.writeAttribute("type", DESCRIPTION_OBJECTIVES);
        narrative(xml, null, programme.objectiveFr());
        xml.writeEndElement();
        if (demo) {
            xml.writeStartElement("description");
            xml.writeAttribute("type", DESCRIPTION_OTHER);
            translated(xml, "iati.demo.activity");
            xml.writeEndElement();
        }
        participatingOrg(xml, ROLE_FUNDING, null, programme.funder());
        for (String partner : programme.nationalPartners()) {
            participatingOrg(xml, ROLE_ACCOUNTABLE, null, partner);
        }
        participatingOrg(xml, ROLE_IMPLEMENTING, ENABEL_ORG_REF, programme.implementer());
        empty(xml, "activity-status", "code", today.isBefore(programme.start()) ? STATUS_PIPELINE
                : today.isAfter(programme.end()) ? STATUS_FINALISATION : STATUS_IMPLEMENTATION);
        activityDate(xml, DATE_ACTUAL_START, programme.start().toString());
        activityDate(xml, DATE_PLANNED_END, programme.end().toString());
        empty(xml, "recipient-country", "code", "MA");
        xml.writeEmptyElement("sector");
        xml.writeAttribute("vocabulary", "1"); // OECD DAC 5-digit
        xml.writeAttribute("code", programme.dacSectorCode());
    }

    private void result(XMLStreamWriter xml, String result, List<IndicatorDefinition> definitions,
            Map<Semester, Map<String, IndicatorFigure>> figures) throws XMLStreamException {
        xml.writeStartElement("result");
        xml.writeAttribute("type", RESULT_OUTCOME);
        xml.writeAttribute("aggregation-status", "false");
        xml.writeStartElement("title");
        narrative(xml, "fr", result + " — " + messages.getMessage("result." + result, null, result, Locale.FRENCH));
        narrative(xml, "ar", result + " — " + messages.getMessage("result." + result, null, result, Locale.forLanguageTag("ar")));
        xml.writeEndElement();
        for (IndicatorDefinition definition : definitions) {
            indicator(xml, definition, figures);
        }
        xml.writeEndElement();
    }

    private void indicator(XMLStreamWriter xml, IndicatorDefinition definition,
            Map<Semester, Map<String, IndicatorFigure>> figures) throws XMLStreamException {
        xml.writeStartElement("indicator");
        xml.writeAttribute("measure", "percent".equals(definition.unit()) ? MEASURE_PERCENTAGE : MEASURE_UNIT);
        xml.writeAttribute("ascending", "true");
        xml.writeStartElement("title");
        narrative(xml, "fr", definition.code() + " " + definition.labelFr());
        narrative(xml, "ar", definition.labelAr());
        xml.writeEndElement();
        xml.writeEmptyElement("reference");
        xml.writeAttribute("vocabulary", "99"); // the reporting organisation's own codes
        xml.writeAttribute("code", definition.code());
        if (definition.baseline() != null) {
            xml.writeEmptyElement("baseline");
            xml.writeAttribute("year", String.valueOf(BASELINE.year()));
            xml.writeAttribute("iso-date", BASELINE.start().toString());
            xml.writeAttribute("value", number(definition.baseline()));
        }
        boolean split = ParticipantBreakdown.applies(definition);
        for (Map.Entry<Semester, Map<String, IndicatorFigure>> semester : figures.entrySet()) {
            IndicatorFigure figure = semester.getValue().get(definition.code());
            if (figure == null) {
                continue;
            }
            Double actual = disclosure.actual(figure.actual(), figure.target(), Audience.PROTECTED).value();
            if (figure.target() == null && actual == null) {
                continue;
            }
            xml.writeStartElement("period");
            empty(xml, "period-start", "iso-date", semester.getKey().start().toString());
            empty(xml, "period-end", "iso-date", semester.getKey().end().toString());
            if (figure.target() != null && figure.demo()) {
                xml.writeStartElement("target");
                xml.writeAttribute("value", number(figure.target()));
                xml.writeStartElement("comment");
                translated(xml, "iati.demo.target");
                xml.writeEndElement();
                xml.writeEndElement();
            } else if (figure.target() != null) {
                empty(xml, "target", "value", number(figure.target()));
            }
            if (actual != null) {
                empty(xml, "actual", "value", number(actual));
                if (split) {
                    // IATI repeats the actual for each group, its dimension saying which
                    for (ParticipantBreakdown.Group group : breakdown.groups(definition, semester.getKey())) {
                        xml.writeStartElement("actual");
                        xml.writeAttribute("value", number(group.figure()));
                        xml.writeEmptyElement("dimension");
                        xml.writeAttribute("name", group.name());
                        xml.writeAttribute("value", group.value());
                        xml.writeEndElement();
                    }
                }
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** The message in French, then in Arabic. */
    private void translated(XMLStreamWriter xml, String key) throws XMLStreamException {
        narrative(xml, "fr", messages.getMessage(key, null, Locale.FRENCH));
        narrative(xml, "ar", messages.getMessage(key, null, Locale.forLanguageTag("ar")));
    }

    private static void participatingOrg(XMLStreamWriter xml, String role, String ref, String name) throws XMLStreamException {
        xml.writeStartElement("participating-org");
        if (ref != null) {
            xml.writeAttribute("ref", ref);
        }
        xml.writeAttribute("role", role);
        narrative(xml, null, name);
        xml.writeEndElement();
    }

    private static void activityDate(XMLStreamWriter xml, String type, String isoDate) throws XMLStreamException {
        xml.writeEmptyElement("activity-date");
        xml.writeAttribute("type", type);
        xml.writeAttribute("iso-date", isoDate);
    }

    private static void narrative(XMLStreamWriter xml, String lang, String text) throws XMLStreamException {
        xml.writeStartElement("narrative");
        if (lang != null) {
            xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", lang);
        }
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void empty(XMLStreamWriter xml, String element, String attribute, String value) throws XMLStreamException {
        xml.writeEmptyElement(element);
        xml.writeAttribute(attribute, value);
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
