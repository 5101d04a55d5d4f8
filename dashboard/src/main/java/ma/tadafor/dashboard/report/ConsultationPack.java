package ma.tadafor.dashboard.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedActual;
import ma.tadafor.dashboard.disclosure.PublishedCount;
import ma.tadafor.dashboard.disclosure.PublishedRate;
import ma.tadafor.dashboard.export.SpreadsheetText;
import ma.tadafor.data.committee.CommitteeStore;
import ma.tadafor.data.mart.ProvinceComparisonQueries;
import ma.tadafor.data.mart.ProvinceComparisonQueries.Province;
import ma.tadafor.data.territory.TerritorialScope;

/**
 * The national consultation's workbook: the programme's provinces side by side, one sheet per
 * theme (participation and its representation indices, indicators, convergence with INDH, the
 * committees' follow-up of their recommendations), in long rows that an analyst can pivot. Text
 * is neutralised against formula injection: commune and institution names are typed by anyone.
 * Participation and indicators are the reader's figures from the disclosure layer: a suppressed
 * count or actual is written "< 5", never as a number.
 */
final class ConsultationPack {

    static final String PARTICIPATION = "Participation";
    static final String INDICATORS = "Indicateurs";
    static final String CONVERGENCE = "Convergence INDH";
    static final String RECOMMENDATIONS = "Recommandations";
    /** The workbook is in French: no message source, as for its sheets' names. */
    static final String SUPPRESSED = PublishedCount.SUPPRESSED;

    private final ProvinceComparisonQueries provinces;
    private final CommitteeStore committees;
    private final Disclosure disclosure;

    ConsultationPack(ProvinceComparisonQueries provinces, CommitteeStore committees, Disclosure disclosure) {
        this.provinces = provinces;
        this.committees = committees;
        this.disclosure = disclosure;
    }

    byte[] write(TerritorialScope scope, Audience audience, LocalDate today) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet participation = sheet(workbook, PARTICIPATION, "Semestre", "Province", "Nom", "الاسم", "Participants",
                    "Population", "Participants pour 1 000 habitants", "Part des femmes (%)", "Indice femmes",
                    "Part des 18-34 ans (%)", "Indice 18-34 ans", "Part des personnes handicapées (%)",
                    "Indice personnes handicapées");
            for (ProvinceComparisonQueries.Participation p : provinces.participation(scope)) {
                PublishedRate r = disclosure.rate(p.rate(), audience);
                row(participation, r.semester(), p.province(), r.participants().shown(), r.population(),
                        r.participantsPer1000(), r.womenShare(), r.womenIndex(), r.youthShare(), r.youthIndex(),
                        r.disabilityShare(), r.disabilityIndex());
            }
            Sheet indicators = sheet(workbook, INDICATORS, "Semestre", "Province", "Nom", "الاسم", "Indicateur", "Libellé",
                    "Unité", "Réalisé", "Cible", "Statut", "Cible inventée (démonstration)");
            for (ProvinceComparisonQueries.Indicator i : provinces.indicators(scope)) {
                PublishedActual actual = disclosure.actual(i.actual(), i.target(), audience);
                row(indicators, i.semester(), i.province(), i.code(), i.labelFr(), i.unit(),
                        actual.suppressed() ? SUPPRESSED : actual.value(), i.target(), actual.status(), i.demo() ? "oui" : "");
            }
            Sheet convergence = sheet(workbook, CONVERGENCE, "Province", "Nom", "الاسم", "Programme INDH",
                    "Activités liées", "dont liens explicites", "dont liens déduits", "Projets de co-construction liés",
                    "Cofinancement INDH (MAD)", "Financement Tadafor (MAD)", "Communes du programme",
                    "Communes avec un projet INDH actif", "Part (%)");
            for (ProvinceComparisonQueries.Convergence c : provinces.convergence(scope)) {
                row(convergence, null, c.province(), c.indhProgramme(), c.linkedActivities(), c.explicitActivities(),
                        c.inferredActivities(), c.linkedCoConstruction(), c.indhMad(), c.tadaforMad(),
                        c.programmeCommunes(), c.communesWithActiveIndh(), c.activeIndhShare());
            }
            Sheet recommendations = sheet(workbook, RECOMMENDATIONS, "Province", "Nom", "الاسم", "Émises", "Ouvertes",
                    "Réalisées", "Abandonnées", "En retard", "Suivies d'au moins une note (%)",
                    "Réalisées parmi les non abandonnées (%)");
            for (Province province : provinces.provinces(scope)) {
                RecommendationFollowUp f = RecommendationFollowUp.of(committees.recommendations(scope, province.code()), today);
                row(recommendations, null, province, f.issued(), f.open(), f.done(), f.dropped(), f.overdue(),
                        f.followedUpShare(), f.implementedShare());
            }
            for (Sheet sheet : List.of(participation, indicators, convergence, recommendations)) {
                sheet.createFreezePane(0, 1);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static Sheet sheet(XSSFWorkbook workbook, String name, String... columns) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.length; i++) {
            header.createCell(i).setCellValue(columns[i]);
        }
        return sheet;
    }

    /** A row: the semester when there is one, the province's code and names, then the figures. */
    private static void row(Sheet sheet, String semester, Province province, Object... figures) {
        List<Object> values = new ArrayList<>();
        if (semester != null) {
            values.add(semester);
        }
        values.addAll(List.of(province.code(), province.nameFr(), province.nameAr()));
        values.addAll(Arrays.asList(figures));
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < values.size(); i++) {
            write(row.createCell(i), values.get(i));
        }
    }

    private static void write(Cell cell, Object value) {
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value != null) {
            cell.setCellValue(SpreadsheetText.neutralise(value.toString()));
        }
    }
}
