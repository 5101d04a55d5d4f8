package ma.tadafor.ingestion.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.Warehouse;
import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.activity.ApplyResult;
import ma.tadafor.data.indh.IndhProjectStore;
import ma.tadafor.data.migration.SchemaMigrator;
import ma.tadafor.data.reference.ReferenceDataLoader;
import ma.tadafor.data.territory.TerritoryQueries;

/** Uploads against a real warehouse with the reference data: what is written, and what is refused. */
class FileImportsTest {

    private static final String HEADER = "id,updatedAt,mechanism,status,startDate,endDate,titleFr,titleAr,theme,gender,ageBand,disability,role,count";
    private static final String PETITION = "petition-1,2024-03-02T10:15:00Z,PETITION,ADMISSIBLE,2024-03-01,,Éclairage public,,INFRASTRUCTURE,";
    private static final String MEETING = "meeting-7,2024-04-10 09:00,CITIZEN_MEETING,HELD,10/04/2024,10/04/2024,,,GOVERNANCE,";
    private static final String VALID = String.join("\n", HEADER,
            PETITION + "F,18-24,false,CITIZEN,12",
            PETITION + "M,35-59,oui,CITIZEN,1",
            PETITION + "U,UNKNOWN,,CITIZEN,3",
            MEETING + "F,60+,non,ELECTED_OFFICIAL,4");
    private static final AtomicInteger COMMUNES = new AtomicInteger();

    @TempDir
    static Path folder;
    private static HikariDataSource warehouse;
    private static FileImports imports;

    @BeforeAll
    static void openWarehouse() {
        warehouse = Warehouse.open(folder.resolve("warehouse.duckdb"), 4);
        new SchemaMigrator(warehouse).migrate();
        ReferenceDataLoader reference = new ReferenceDataLoader(warehouse);
        reference.load();
        reference.loadIllustrative();
        imports = new FileImports(new ActivityStore(warehouse), new IndhProjectStore(warehouse), new TerritoryQueries(warehouse),
                new UploadLimits(64 * 1024, 20));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void aValidFileIsImportedAndUploadingItAgainChangesNothing() throws SQLException {
        String commune = commune();
        FileImports.ActivityImport first = importActivities(commune, VALID);

        assertThat(first.rows()).isEqualTo(4);
        assertThat(first.activities()).isEqualTo(2);
        assertThat(first.applied()).isEqualTo(new ApplyResult(2, 0, 0, 0));
        assertThat(query("SELECT count(*), sum(participants) FROM participation_cell WHERE source_id = 'upload-" + commune + "'"))
                .isEqualTo("4|20");
        assertThat(query("SELECT item_id, start_date, end_date, title_fr, CAST(updated_at AS VARCHAR) FROM activity WHERE source_id = 'upload-"
                + commune + "' ORDER BY item_id")).isEqualTo(
                "meeting-7|2024-04-10|2024-04-10|null|2024-04-10 09:00:00+00\npetition-1|2024-03-01|null|Éclairage public|2024-03-02 10:15:00+00");
        assertThat(query("SELECT disability FROM participation_cell WHERE source_id = 'upload-" + commune + "' ORDER BY participants"))
                .as("oui, non and blank (unknown)").isEqualTo("true\nnull\nfalse\nfalse");

        assertThat(importActivities(commune, VALID).applied()).isEqualTo(new ApplyResult(0, 0, 0, 2));
        assertThat(query("SELECT count(*) FROM participation_cell WHERE source_id = 'upload-" + commune + "'")).isEqualTo("4");
    }

    @Test
    void aNewerVersionReplacesTheActivityAndADeletedRowWithdrawsIt() throws SQLException {
        String commune = commune();
        importActivities(commune, VALID);

        FileImports.ActivityImport corrected = importActivities(commune, String.join("\n", HEADER + ",deleted",
                PETITION.replace("2024-03-02T10:15:00Z", "2024-03-05T08:00:00Z") + "F,18-24,false,CITIZEN,15,",
                "meeting-7,2024-05-01,,,,,,,,,,,,,oui"));

        assertThat(corrected.applied()).isEqualTo(new ApplyResult(0, 1, 1, 0));
        assertThat(query("SELECT item_id, participants FROM activity WHERE source_id = 'upload-" + commune + "'")).isEqualTo("petition-1|15");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", textBlock = """
            comma, no BOM        | ,  | false
            comma, BOM           | ,  | true
            semicolon, no BOM    | ;  | false
            semicolon, BOM       | ;  | true
            """)
    void commasOrSemicolonsWithOrWithoutAByteOrderMark(String name, String separator, boolean bom) throws SQLException {
        String commune = commune();
        String text = VALID.replace(",", separator);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        if (bom) {
            file.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        file.writeBytes(utf8);

        assertThat(imports.importActivities(commune, new ByteArrayInputStream(file.toByteArray())).applied().inserted()).isEqualTo(2);
        assertThat(query("SELECT title_fr FROM activity WHERE source_id = 'upload-" + commune + "' AND item_id = 'petition-1'"))
                .isEqualTo("Éclairage public");
    }

    @Test
    void arabicHeadersAndArabicTextTravelIntact() throws SQLException {
        String commune = commune();
        String header = String.join(";", ActivityColumns.ALL.stream().map(column -> column.header(Locale.forLanguageTag("ar"))).toList());
        String row = "عريضة-1;2024-03-02T10:15:00Z;;PETITION;SUBMITTED;2024-03-01;;;الإنارة العمومية للدوار;;CITIZENS;;;;;;أ-1:جمعية الأمل;F;UNDER_18;لا;CITIZEN;7";

        importActivities(commune, header + "\n" + row);

        assertThat(query("SELECT item_id, title_ar, initiator FROM activity WHERE source_id = 'upload-" + commune + "'"))
                .isEqualTo("عريضة-1|الإنارة العمومية للدوار|CITIZENS");
        assertThat(query("SELECT association_id, name FROM association WHERE commune_code = '" + commune + "'"))
                .isEqualTo("أ-1|جمعية الأمل");
    }

    @Test
    void formulasAreReadAsTheirCachedValuesNeverEvaluated() throws Exception {
        String commune = commune();
        byte[] xlsx = workbook(sheet -> {
            Row row = sheet.createRow(1);
            List<String> values = List.of("budget-2", "", "", "PARTICIPATORY_BUDGET", "HELD", "", "", "Budget participatif");
            for (int i = 0; i < values.size(); i++) {
                row.createCell(i).setCellValue(values.get(i));
            }
            XSSFCell updatedAt = (XSSFCell) row.createCell(1);
            updatedAt.setCellValue(java.time.LocalDateTime.of(2024, 6, 1, 14, 30));
            CellStyle dateStyle = sheet.getWorkbook().createCellStyle();
            dateStyle.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            updatedAt.setCellStyle(dateStyle);
            row.createCell(17).setCellValue("F");
            row.createCell(18).setCellValue("25-34");
            row.createCell(20).setCellValue("CITIZEN");
            // The cached result says 7; evaluating 2+3 would say 5.
            XSSFCell count = (XSSFCell) row.createCell(21);
            count.setCellFormula("2+3");
            count.setCellValue(7);
            // A formula that would reach the network if anything evaluated it; its cached text is the title.
            XSSFCell title = (XSSFCell) row.createCell(8);
            title.setCellFormula("WEBSERVICE(\"http://127.0.0.1:9/\")");
            title.setCellValue("ميزانية تشاركية");
        });

        imports.importActivities(commune, new ByteArrayInputStream(xlsx));

        assertThat(query("SELECT title_ar, participants, CAST(updated_at AS VARCHAR) FROM activity WHERE source_id = 'upload-" + commune + "'"))
                .isEqualTo("ميزانية تشاركية|7|2024-06-01 14:30:00+00");
    }

    @Test
    void aFormulaThatCachedAnErrorIsAnErrorOfItsCell() throws Exception {
        byte[] xlsx = workbook(sheet -> {
            Row row = sheet.createRow(1);
            List<String> values = List.of("b-3", "2024-06-01", "", "PARTICIPATORY_BUDGET", "HELD");
            for (int i = 0; i < values.size(); i++) {
                row.createCell(i).setCellValue(values.get(i));
            }
            row.createCell(17).setCellValue("F");
            row.createCell(18).setCellValue("25-34");
            row.createCell(20).setCellValue("CITIZEN");
            XSSFCell count = (XSSFCell) row.createCell(21);
            count.setCellFormula("1/0");
            count.setCellErrorValue(FormulaError.DIV0);
        });

        assertThat(errors(() -> imports.importActivities(commune(), new ByteArrayInputStream(xlsx))))
                .containsExactly("2|count|value.formulaError|");
    }

    @ParameterizedTest(name = "{0} ← {1}")
    @CsvSource(delimiterString = "|", textBlock = """
            id          | (blank)     | value.required
            id          | x*129       | value.tooLong,128
            updatedAt   | hier        | value.instant,hier
            updatedAt   | (blank)     | value.required
            mechanism   | PETITIONS   | value.label
            status      | (blank)     | value.required
            startDate   | 2024-02-30  | value.date,2024-02-30
            startDate   | 31/02/2024  | value.date,31/02/2024
            updatedAt   | 30/02/2024 10:00 | value.instant,30/02/2024 10:00
            updatedAt   | 2024-02-30 10:00 | value.instant,2024-02-30 10:00
            endDate     | 2024-02-01  | value.endBeforeStart,2024-02-01,2024-03-01
            titleFr     | é*501       | value.tooLong,500
            theme       | SPORT       | value.code
            gender      | X           | value.label
            gender      | (blank)     | value.required
            ageBand     | 18-25       | value.label
            disability  | peut-être   | value.boolean,peut-être
            role        | MAYOR       | value.label
            count       | 0           | value.integer,0,1,1000000
            count       | 1000001     | value.integer,1000001,1,1000000
            count       | 2.5         | value.integer,2.5,1,1000000
            count       | (blank)     | value.required
            """)
    void eachRuleOfARowIsReportedWithItsRowAndColumn(String column, String expression, String expected) {
        String value = value(expression);
        List<String> columns = List.of(HEADER.split(","));
        String[] cells = (PETITION + "F,18-24,false,CITIZEN,12").split(",", -1);
        cells[columns.indexOf(column)] = value;

        List<String> errors = errors(() -> importActivities(commune(), HEADER + "\n" + String.join(",", cells)));

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).startsWith("2|" + column + "|" + expected.split(",")[0] + "|");
        if (!expected.equals("value.code") && !expected.equals("value.label")) {
            assertThat(errors.get(0)).isEqualTo("2|" + column + "|" + expected.split(",")[0] + "|"
                    + String.join(",", List.of(expected.split(",")).subList(1, expected.split(",").length)));
        }
    }

    @Test
    void aClerkMayWriteTheLabelsOfEitherLanguageWithoutCaseOrAccents() throws SQLException {
        String commune = commune();
        importActivities(commune, String.join("\n", HEADER,
                PETITION.replace("PETITION,", "Pétition,") + "Femmes,18 à 24 ans,Oui,Citoyens,12",
                PETITION.replace("PETITION,", "petition,") + "homme,60 ANS ET PLUS,non,elus,2",
                MEETING.replace("CITIZEN_MEETING,", "لقاء تواصلي مع المواطنين,") + "أنثى,اقل من 18 سنة,لا,منتخب,4",
                PETITION.replace("petition-1", "p-3").replace("PETITION,", "عريضة,") + "نوع غير معروف,سن غير معروف,نعم,المواطنون,5"));

        assertThat(query("SELECT item_id, mechanism FROM activity WHERE source_id = 'upload-" + commune + "' ORDER BY item_id"))
                .isEqualTo("meeting-7|CITIZEN_MEETING\np-3|PETITION\npetition-1|PETITION");
        assertThat(query("SELECT gender, age_band, disability, role, participants FROM participation_cell WHERE source_id = 'upload-"
                + commune + "' ORDER BY participants")).isEqualTo(String.join("\n",
                "M|60+|false|ELECTED_OFFICIAL|2", "F|UNDER_18|false|ELECTED_OFFICIAL|4",
                "U|UNKNOWN|true|CITIZEN|5", "F|18-24|true|CITIZEN|12"));
    }

    @Test
    void aValueOutsideTheListIsRefusedWithTheLabelsOfBothLanguages() {
        List<String> errors = errors(() -> importActivities(commune(), HEADER + "\n"
                + PETITION.replace("PETITION,", "Pétitions,") + "F,18-24,false,CITIZEN,12"));

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).startsWith("2|mechanism|value.label|Pétitions,Pétition, Avis consultatif, ")
                .contains("عريضة، رأي استشاري، ");
    }

    @Test
    void fundingAndAssociationsFollowTheFeedsRules() {
        String header = HEADER + ",fundingTadaforMad,associations";
        List<String> errors = errors(() -> importActivities(commune(), String.join("\n", header,
                PETITION + "F,18-24,false,CITIZEN,12,-5,a-1:Amal",
                PETITION.replace("petition-1", "p-2") + "F,18-24,false,CITIZEN,12,100,sans-nom")));

        assertThat(errors).containsExactly("2|fundingTadaforMad|value.amount|-5", "3|associations|value.associations|sans-nom");
    }

    @Test
    void theRowsOfOneActivityMustAgreeAndAHalfBadFileWritesNothing() throws SQLException {
        String commune = commune();
        List<String> errors = errors(() -> importActivities(commune, String.join("\n", HEADER,
                PETITION + "F,18-24,false,CITIZEN,12",
                PETITION.replace("ADMISSIBLE", "REJECTED") + "M,18-24,false,CITIZEN,2",
                MEETING + "F,60+,non,ELECTED_OFFICIAL,4",
                MEETING + "F,60+,non,ELECTED_OFFICIAL,-4")));

        assertThat(errors).containsExactly("3|status|activity.inconsistent|2", "5|count|value.integer|-4,1,1000000");
        assertThat(query("SELECT count(*) FROM activity WHERE source_id = 'upload-" + commune + "'")).isEqualTo("0");
    }

    @Test
    void headersAreCheckedBeforeAnyRow() {
        assertThat(errors(() -> importActivities(commune(), "identifiant,modifie_le,mechanism,colour,mechanism\nx,2024-01-01,PETITION,red,PETITION")))
                .containsExactly("1||column.unknown|colour", "1|mechanism|column.duplicate|mechanism", "1|status|column.missing|");
    }

    @Test
    void limitsOnSizeAndRowsAndFormatsRefuseTheWholeFile() {
        String tooManyRows = HEADER + "\n" + (PETITION + "F,18-24,false,CITIZEN,1\n").repeat(21);
        assertThat(errors(() -> importActivities(commune(), tooManyRows))).containsExactly("0||file.tooManyRows|20");
        assertThat(errors(() -> importActivities(commune(), HEADER + "\n" + "x".repeat(64 * 1024))))
                .containsExactly("0||file.tooLarge|0");
        assertThat(errors(() -> importActivities(commune(), ""))).containsExactly("0||file.empty|");
        assertThat(errors(() -> importActivities(commune(), HEADER))).containsExactly("0||file.noRows|");
        assertThat(errors(() -> imports.importActivities(commune(), new ByteArrayInputStream(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0}))))
                .containsExactly("0||file.xls|");
        assertThat(errors(() -> imports.importActivities(commune(), new ByteArrayInputStream(new byte[] {'i', 'd', '\n', (byte) 0xC3, 0x28}))))
                .containsExactly("0||file.encoding|");
        assertThat(errors(() -> imports.importActivities(commune(), new ByteArrayInputStream(new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2}))))
                .containsExactly("0||file.unreadable|");
    }

    @Test
    void anIndhListIsImportedAndUploadingItAgainChangesNothing() throws SQLException {
        String list = String.join("\n", "reference;province;commune;programme_indh;theme;titre_fr;titre_ar;cout_total_mad;part_indh_mad;date_debut;date_fin;statut",
                "INDH-T-1;05.091;05.091.01.07;2;EDUCATION;Préscolaire;التعليم الأولي;1 200 000,50;800000;2024-01-15;2025-06-30;IN_PROGRESS",
                "INDH-T-2;05.091;;4;;;دعم الشباب;;;;;PROGRAMMED");

        assertThat(imports.importIndhProjects(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), "upload:test").projects()).isEqualTo(2);
        String stored = query("SELECT * FROM indh_project WHERE ref LIKE 'INDH-T-%' ORDER BY ref");
        assertThat(stored).isEqualTo("""
                INDH-T-1|05.091|05.091.01.07|2|EDUCATION|Préscolaire|التعليم الأولي|2024-01-15|2025-06-30|1200000.50|800000.00|IN_PROGRESS|upload:test
                INDH-T-2|05.091|null|4|null|null|دعم الشباب|null|null|null|null|PROGRAMMED|upload:test""");

        imports.importIndhProjects(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), "upload:test");
        assertThat(query("SELECT * FROM indh_project WHERE ref LIKE 'INDH-T-%' ORDER BY ref")).isEqualTo(stored);
    }

    @Test
    void eachRuleOfAnIndhListIsReported() throws SQLException {
        String list = String.join("\n", "ref,provinceCode,communeCode,programmeNo,titleFr,totalCostMad,indhContributionMad,startDate,endDate",
                "R-1,05.091,05.081.01.01,5,Un,100,200,2024-05-01,2024-04-01",
                "R-1,99.999,,1,,,,,",
                "R-3,05.091,05.091.99.99,1,Trois,,,,");

        assertThat(errors(() -> imports.importIndhProjects(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), "upload:test")))
                .containsExactly(
                        "2|communeCode|indh.communeOutsideProvince|05.081.01.01,05.091",
                        "2|programmeNo|value.integer|5,1,4",
                        "2|indhContributionMad|indh.shareAboveCost|200,100",
                        "2|endDate|value.endBeforeStart|2024-04-01,2024-05-01",
                        "3|ref|indh.duplicateRef|R-1,2",
                        "3|provinceCode|value.unknownTerritory|99.999",
                        "3|titleFr|indh.titleRequired|",
                        "4|communeCode|value.unknownTerritory|05.091.99.99");
        assertThat(query("SELECT count(*) FROM indh_project WHERE ref LIKE 'R-%'")).isEqualTo("0");
    }

    @Test
    void theTemplatesAreReadBackAsTheirOwnHeaders() throws IOException {
        for (Locale locale : List.of(Locale.FRENCH, Locale.forLanguageTag("ar"))) {
            try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(UploadFiles.template(ImportKind.ACTIVITIES, locale)))) {
                Row header = template.getSheetAt(0).getRow(0);
                List<String> headers = new ArrayList<>();
                header.forEach(cell -> headers.add(cell.getStringCellValue()));
                assertThat(headers).isEqualTo(ActivityColumns.ALL.stream().map(column -> column.header(locale)).toList());
                assertThat(template.getNumberOfSheets()).isEqualTo(3);
                assertThat(template.getSheetAt(1).getLastRowNum()).isEqualTo(2 + ActivityColumns.ALL.size());
                assertThat(template.isSheetHidden(2)).as("the drop-downs' lists").isTrue();
                List<String> dropDowns = template.getSheetAt(0).getDataValidations().stream()
                        .map(validation -> headers.get(validation.getRegions().getCellRangeAddress(0).getFirstColumn()) + "="
                                + listed(template, validation.getValidationConstraint().getFormula1()))
                        .sorted().toList();
                Column mechanism = ActivityColumns.MECHANISM;
                assertThat(dropDowns).hasSize(ActivityColumns.LISTED.size())
                        .contains(mechanism.header(locale) + "=" + Vocabulary.MECHANISMS.labels(locale))
                        .contains(ActivityColumns.GENDER.header(locale) + "=" + (locale == Locale.FRENCH
                                ? "[Femmes, Hommes, Genre inconnu]" : "[النساء, الرجال, نوع غير معروف]"));
            }
        }
        assertThat(errors(() -> imports.importActivities(commune(), new ByteArrayInputStream(
                UploadFiles.template(ImportKind.INDH_PROJECTS, Locale.forLanguageTag("ar")))))).containsExactly("0||file.noRows|");
    }

    /** The cells a drop-down's formula such as {@code 'listes'!$A$1:$A$14} names. */
    private static List<String> listed(XSSFWorkbook workbook, String formula) {
        String[] parts = formula.split("!");
        XSSFSheet sheet = workbook.getSheet(parts[0].replace("'", ""));
        org.apache.poi.ss.util.CellRangeAddress range = org.apache.poi.ss.util.CellRangeAddress.valueOf(parts[1].replace("$", ""));
        List<String> cells = new ArrayList<>();
        for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
            cells.add(sheet.getRow(r).getCell(range.getFirstColumn()).getStringCellValue());
        }
        return cells;
    }

    private static FileImports.ActivityImport importActivities(String commune, String csv) {
        return imports.importActivities(commune, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    /** row|column key|code|arguments */
    private static List<String> errors(Runnable upload) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(upload::run);
        assertThat(thrown).isInstanceOf(ImportRejectedException.class);
        return ((ImportRejectedException) thrown).errors().stream().map(error -> error.row() + "|"
                + (error.column() == null ? "" : error.column().key()) + "|" + error.code() + "|" + String.join(",", error.arguments())).toList();
    }

    private static byte[] workbook(java.util.function.Consumer<XSSFSheet> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("activites");
            Row header = sheet.createRow(0);
            for (int i = 0; i < ActivityColumns.ALL.size(); i++) {
                header.createCell(i).setCellValue(ActivityColumns.ALL.get(i).fr());
            }
            rows.accept(sheet);
            workbook.write(bytes);
            return bytes.toByteArray();
        }
    }

    private static String value(String expression) {
        if (expression.equals("(blank)")) {
            return "";
        }
        int star = expression.indexOf('*');
        return star < 0 ? expression : expression.substring(0, star).repeat(Integer.parseInt(expression.substring(star + 1)));
    }

    private static String commune() {
        return "test." + COMMUNES.incrementAndGet();
    }

    private static String query(String sql) throws SQLException {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> lines = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    cells.add(String.valueOf(rows.getString(i)));
                }
                lines.add(String.join("|", cells));
            }
            return String.join("\n", lines);
        }
    }
}
