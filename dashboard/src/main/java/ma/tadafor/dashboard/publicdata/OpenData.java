package ma.tadafor.dashboard.publicdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedCount;
import ma.tadafor.dashboard.disclosure.PublishedParticipation;
import ma.tadafor.dashboard.participation.ParticipationAnswers;
import ma.tadafor.dashboard.publicdata.PublicFigures.PublicIndicator;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The open data: a Frictionless Data Package ({@code datapackage.json}, profile tabular-data-package)
 * and the CSV files it lists, one row per approved province-semester and value, made of the same
 * published figures as the public pages ({@link PublicFigures}). A suppressed count is an empty
 * {@code participants} with {@code suppressed} true, never a number from 1 to 4.
 */
@Component
public class OpenData {

    /** A file of the package: its name (the CSV's, without {@code .csv}), title, and the dimension it breaks participation down by (null: indicators). */
    enum File {
        PARTICIPATION_BY_SEMESTER("participation-by-semester", "Participants by province and approved semester", null),
        PARTICIPATION_BY_COMMUNE("participation-by-commune", "Participants by programme commune and approved semester",
                ParticipationDimension.COMMUNE),
        PARTICIPATION_BY_MECHANISM("participation-by-mechanism", "Participants by province, semester and participation mechanism",
                ParticipationDimension.MECHANISM),
        PARTICIPATION_BY_GENDER("participation-by-gender", "Participants by province, semester and gender",
                ParticipationDimension.GENDER),
        PARTICIPATION_BY_AGE_BAND("participation-by-age-band", "Participants by province, semester and age band",
                ParticipationDimension.AGE_BAND),
        PARTICIPATION_BY_DISABILITY("participation-by-disability", "Participants by province, semester and disability",
                ParticipationDimension.DISABILITY),
        PARTICIPATION_BY_ROLE("participation-by-role", "Participants by province, semester and role",
                ParticipationDimension.ROLE),
        INDICATORS_BY_PROVINCE("indicators-by-province", "Result indicators by province and approved semester", null);

        final String name;
        final String title;
        final ParticipationDimension breakdown;

        File(String name, String title, ParticipationDimension breakdown) {
            this.name = name;
            this.title = title;
            this.breakdown = breakdown;
        }

        static Optional<File> named(String name) {
            for (File file : values()) {
                if (file.name.equals(name)) {
                    return Optional.of(file);
                }
            }
            return Optional.empty();
        }

        boolean participation() {
            return this != INDICATORS_BY_PROVINCE;
        }
    }

    /** A column: name, Frictionless type, description. */
    private record Field(String name, String type, String description) {
    }

    private static final List<Field> PARTICIPANTS = List.of(
            new Field("participants", "integer", "participants, protected by cell-key perturbation; empty when suppressed"),
            new Field("activities", "integer", "distinct activities; empty when the participants are suppressed"),
            new Field("suppressed", "boolean", "true when the count is under 5 after protection (shown as '< 5')"));

    private final PublicFigures figures;
    private final TerritoryQueries territories;
    private final MartCache cache;

    OpenData(PublicFigures figures, TerritoryQueries territories, MartCache cache) {
        this.figures = figures;
        this.territories = territories;
        this.cache = cache;
    }

    /** The package's descriptor; {@code base} is where the files are ({@code …/api/v1/public/data/}). */
    public Map<String, Object> dataPackage(String base) {
        return cache.get(List.of("public-datapackage", base), () -> {
            Map<String, Object> descriptor = new LinkedHashMap<>();
            descriptor.put("profile", "tabular-data-package");
            descriptor.put("name", "tadafor-citizen-participation");
            descriptor.put("title", "Tadafor: citizen participation in the programme's communes, approved semesters");
            descriptor.put("description", "Participants in the communes' participation mechanisms and the programme's result "
                    + "indicators, for the semesters each provincial committee approved. Counts of persons are protected "
                    + "(cell-key perturbation, counts under 5 suppressed); see docs/PRIVACY.md.");
            descriptor.put("licenses", List.of(Map.of("name", "CC-BY-4.0", "title", "Creative Commons Attribution 4.0",
                    "path", "https://creativecommons.org/licenses/by/4.0/")));
            descriptor.put("sources", List.of(
                    Map.of("title", "The participation portals and uploads of the programme's communes, as approved by the "
                            + "provincial monitoring committees"),
                    Map.of("title", "RGPH 2024 census (territories)", "path", "https://www.hcp.ma/")));
            descriptor.put("semesters", figures.approved().keySet());
            List<Map<String, Object>> resources = new ArrayList<>();
            for (File file : File.values()) {
                Map<String, Object> resource = new LinkedHashMap<>();
                resource.put("name", file.name);
                resource.put("title", file.title);
                resource.put("path", base + file.name + ".csv");
                resource.put("profile", "tabular-data-resource");
                resource.put("format", "csv");
                resource.put("mediatype", "text/csv");
                resource.put("encoding", "utf-8");
                resource.put("schema", Map.of("fields", fields(file).stream().map(f -> Map.of("name", f.name(), "type", f.type(),
                        "description", f.description())).toList(), "missingValues", List.of("")));
                resources.add(resource);
            }
            descriptor.put("resources", resources);
            descriptor.put("disclosure", Disclosure.describe(Audience.PROTECTED));
            return descriptor;
        });
    }

    /** The CSV of a file the package lists, empty when there is no such file. */
    public Optional<String> csv(String name) {
        return File.named(name).map(file -> cache.get(List.of("public-csv", file), () -> write(file)));
    }

    private static List<Field> fields(File file) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("semester", "string", "approved semester, e.g. 2024S2"));
        fields.add(new Field("province", "string", "province code"));
        fields.add(new Field("province_name_fr", "string", "province name in French"));
        fields.add(new Field("province_name_ar", "string", "province name in Arabic"));
        if (file == File.INDICATORS_BY_PROVINCE) {
            fields.add(new Field("indicator", "string", "indicator code of the results framework"));
            fields.add(new Field("label_fr", "string", "indicator in French"));
            fields.add(new Field("label_ar", "string", "indicator in Arabic"));
            fields.add(new Field("unit", "string", "unit of the target and actual"));
            fields.add(new Field("target", "number", "the province's target for the semester; empty when none"));
            fields.add(new Field("actual", "number", "the actual, protected when made of participant counts; empty when none or suppressed"));
            fields.add(new Field("suppressed", "boolean", "true when the actual is suppressed (under 5 after protection)"));
            fields.add(new Field("status", "string", "ON_TRACK, AT_RISK, OFF_TRACK or NO_DATA against the province's target; NO_TARGET when it has none"));
            return fields;
        }
        if (file.breakdown == ParticipationDimension.COMMUNE) {
            fields.add(new Field("commune", "string", "programme commune code"));
            fields.add(new Field("commune_name_fr", "string", "commune name in French"));
            fields.add(new Field("commune_name_ar", "string", "commune name in Arabic"));
        } else if (file.breakdown != null) {
            fields.add(new Field(file.breakdown.apiName(), file.breakdown == ParticipationDimension.DISABILITY ? "boolean" : "string",
                    file.breakdown == ParticipationDimension.DISABILITY ? "true, false, or empty when unknown"
                            : "value as in the portal feed (PORTAL_FEED.md)"));
        }
        fields.addAll(PARTICIPANTS);
        return fields;
    }

    private String write(File file) {
        StringBuilder csv = new StringBuilder();
        line(csv, fields(file).stream().map(Field::name).map(Object.class::cast).toList());
        for (Map.Entry<String, SortedSet<String>> approved : figures.approved().entrySet()) {
            String semester = approved.getKey();
            for (String province : approved.getValue()) {
                Territory territory = territories.find(Territory.Level.PROVINCE, province).orElseThrow();
                List<Object> where = List.of(semester, province, territory.nameFr(), nullToEmpty(territory.nameAr()));
                if (file.participation()) {
                    rows(csv, file, where, figures.participation(province, null, semester, file.breakdown), province);
                } else {
                    for (PublicIndicator indicator : figures.indicators(province, semester)) {
                        List<Object> values = new ArrayList<>(where);
                        values.addAll(List.of(indicator.definition().code(), indicator.definition().labelFr(),
                                nullToEmpty(indicator.definition().labelAr()), nullToEmpty(indicator.definition().unit()),
                                nullToEmpty(indicator.definition().target()), nullToEmpty(indicator.actual().value()),
                                indicator.actual().suppressed(), indicator.status()));
                        line(csv, values);
                    }
                }
            }
        }
        return csv.toString();
    }

    private void rows(StringBuilder csv, File file, List<Object> where, PublishedParticipation participation, String province) {
        if (file.breakdown == null) {
            line(csv, with(where, List.of(), participation.total(), participation.totalActivities()));
            return;
        }
        Map<String, Commune> communes = new LinkedHashMap<>();
        figures.communes(province).forEach(c -> communes.put(c.code(), c));
        for (PublishedParticipation.Row row : participation.rows()) {
            Object value = row.value(file.breakdown);
            List<Object> key;
            if (file.breakdown == ParticipationDimension.COMMUNE) {
                Commune commune = communes.get(String.valueOf(value));
                key = List.of(value, commune == null ? "" : commune.nameFr(), commune == null ? "" : nullToEmpty(commune.nameAr()));
            } else {
                key = List.of(nullToEmpty(ParticipationAnswers.apiValue(file.breakdown, value)));
            }
            line(csv, with(where, key, row.participants(), row.activities()));
        }
    }

    private static List<Object> with(List<Object> where, List<Object> key, PublishedCount participants, Long activities) {
        List<Object> values = new ArrayList<>(where);
        values.addAll(key);
        values.add(nullToEmpty(participants.value()));
        values.add(participants.suppressed() ? "" : nullToEmpty(activities));
        values.add(participants.suppressed());
        return values;
    }

    private static Object nullToEmpty(Object value) {
        return value == null ? "" : value;
    }

    /** RFC 4180: comma-separated, a value with a comma, quote or line break quoted, lines ended by CRLF. */
    private static void line(StringBuilder csv, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String text = String.valueOf(values.get(i));
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = '"' + text.replace("\"", "\"\"") + '"';
            }
            csv.append(text);
        }
        csv.append("\r\n");
    }
}
