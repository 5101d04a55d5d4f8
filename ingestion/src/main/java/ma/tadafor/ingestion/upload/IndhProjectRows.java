package ma.tadafor.ingestion.upload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import ma.tadafor.data.activity.Theme;
import ma.tadafor.data.indh.IndhProject;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.ingestion.feed.FeedItemRules;

import static ma.tadafor.ingestion.upload.IndhColumns.*;

/** Reads an INDH project list: one project per row, refs unique, codes known to the reference data. */
final class IndhProjectRows {

    static final int MAX_STATUS_LENGTH = 100;

    private IndhProjectRows() {
    }

    /** {@code territories} finds a province or commune by level and code. */
    static List<IndhProject> read(Table table, BiFunction<Territory.Level, String, Optional<Territory>> territories,
                                  List<ImportError> errors) {
        Headers headers = Headers.locate(table.headers(), IndhColumns.ALL, errors);
        if (!errors.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> firstRowOfRef = new HashMap<>();
        Map<String, Optional<Territory>> known = new HashMap<>();
        List<IndhProject> projects = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            RowValues values = new RowValues(row, headers, errors);
            String ref = values.text(REF, FeedItemRules.MAX_ID_LENGTH, true);
            Integer first = ref == null ? null : firstRowOfRef.putIfAbsent(ref, row.number());
            if (first != null) {
                values.error(REF, "indh.duplicateRef", ref, first);
            }
            String province = territory(values, PROVINCE, Territory.Level.PROVINCE, true, territories, known);
            String commune = territory(values, COMMUNE, Territory.Level.COMMUNE, false, territories, known);
            if (province != null && commune != null && !commune.startsWith(province + ".")) {
                values.error(COMMUNE, "indh.communeOutsideProvince", commune, province);
            }
            Integer programme = values.integer(PROGRAMME, 1, 4, true);
            Theme theme = values.enumValue(THEME, Theme.class, false);
            String titleFr = values.text(TITLE_FR, FeedItemRules.MAX_TITLE_LENGTH, false);
            String titleAr = values.text(TITLE_AR, FeedItemRules.MAX_TITLE_LENGTH, false);
            if (values.blank(TITLE_FR) && values.blank(TITLE_AR)) {
                values.error(TITLE_FR, "indh.titleRequired");
            }
            BigDecimal cost = values.amount(TOTAL_COST);
            BigDecimal share = values.amount(INDH_SHARE);
            if (cost != null && share != null && share.compareTo(cost) > 0) {
                values.error(INDH_SHARE, "indh.shareAboveCost", share.toPlainString(), cost.toPlainString());
            }
            LocalDate start = values.date(START_DATE, false);
            LocalDate end = values.date(END_DATE, false);
            if (start != null && end != null && end.isBefore(start)) {
                values.error(END_DATE, "value.endBeforeStart", end, start);
            }
            String status = values.text(STATUS, MAX_STATUS_LENGTH, false);
            if (values.valid()) {
                projects.add(new IndhProject(ref, province, commune, programme, theme, titleFr, titleAr, start, end,
                        cost, share, status));
            }
        }
        return projects;
    }

    private static String territory(RowValues values, Column column, Territory.Level level, boolean required,
                                    BiFunction<Territory.Level, String, Optional<Territory>> territories,
                                    Map<String, Optional<Territory>> known) {
        String code = values.text(column, 32, required);
        if (code == null) {
            return null;
        }
        if (known.computeIfAbsent(level + ":" + code, key -> territories.apply(level, code)).isEmpty()) {
            return values.error(column, "value.unknownTerritory", code);
        }
        return code;
    }
}
