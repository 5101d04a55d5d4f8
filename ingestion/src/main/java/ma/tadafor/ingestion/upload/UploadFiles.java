package ma.tadafor.ingestion.upload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ParticipationCell;
import ma.tadafor.data.indh.IndhProject;

/**
 * Upload files written the way users send them: the templates (headers and an instructions sheet,
 * in French or Arabic), an activity CSV as Excel in French saves it (byte-order mark, semicolons)
 * and an INDH list as XLSX. The demo reports its communes without a portal through these.
 */
public final class UploadFiles {

    /** The rows of a template that offer drop-downs: more than a commune's semester ever fills. */
    static final int DROP_DOWN_ROWS = 10_000;

    private UploadFiles() {
    }

    /** The template of a kind of file: an empty data sheet with the headers, then the instructions. */
    public static byte[] template(ImportKind kind, Locale locale) {
        boolean arabic = Languages.arabic(locale);
        List<Column> columns = kind == ImportKind.ACTIVITIES ? ActivityColumns.ALL : IndhColumns.ALL;
        String dataSheet = kind == ImportKind.ACTIVITIES ? (arabic ? "الأنشطة" : "activites") : (arabic ? "مشاريع المبادرة" : "projets INDH");
        byte[] template = workbook(columns, locale, dataSheet, List.of(), true);
        return kind == ImportKind.ACTIVITIES ? withDropDowns(template, columns, locale) : template;
    }

    /**
     * Drop-downs on the coded columns, offering the labels of the template's language. The lists sit
     * on a hidden sheet (a list written in the validation itself is limited to 255 characters); a
     * code or a label of the other language typed by hand is accepted too, so Excel does not refuse it.
     */
    private static byte[] withDropDowns(byte[] template, List<Column> columns, Locale locale) {
        boolean arabic = Languages.arabic(locale);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            XSSFSheet data = workbook.getSheetAt(0);
            String listsName = arabic ? "القوائم" : "listes";
            XSSFSheet lists = workbook.createSheet(listsName);
            workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
            DataValidationHelper helper = data.getDataValidationHelper();
            int listColumn = 0;
            for (int i = 0; i < columns.size(); i++) {
                Vocabulary vocabulary = ActivityColumns.LISTED.get(columns.get(i));
                if (vocabulary == null) {
                    continue;
                }
                List<String> labels = vocabulary.labels(locale);
                for (int r = 0; r < labels.size(); r++) {
                    Row row = lists.getRow(r) == null ? lists.createRow(r) : lists.getRow(r);
                    row.createCell(listColumn).setCellValue(labels.get(r));
                }
                String letter = CellReference.convertNumToColString(listColumn);
                DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(
                        "'" + listsName + "'!$" + letter + "$1:$" + letter + "$" + labels.size()),
                        new CellRangeAddressList(1, DROP_DOWN_ROWS, i, i));
                validation.setShowErrorBox(false);
                data.addValidationData(validation);
                listColumn++;
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] activitiesCsv(List<Activity> activities, Locale locale) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            csv.printRecord(ActivityColumns.ALL.stream().map(column -> column.header(locale)).toList());
            for (Activity activity : activities) {
                if (activity.participation().isEmpty()) {
                    csv.printRecord(activityRow(activity, null));
                }
                for (ParticipationCell cell : activity.participation()) {
                    csv.printRecord(activityRow(activity, cell));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] indhProjectsXlsx(List<IndhProject> projects, Locale locale) {
        List<List<Object>> rows = projects.stream().map(project -> List.<Object>of(project.ref(), project.provinceCode(),
                text(project.communeCode()), project.programmeNo(), text(project.theme()), text(project.titleFr()),
                text(project.titleAr()), text(project.totalCostMad()), text(project.indhContributionMad()),
                text(project.startDate()), text(project.endDate()), text(project.status()))).toList();
        return workbook(IndhColumns.ALL, locale, Languages.arabic(locale) ? "مشاريع المبادرة" : "projets INDH", rows, false);
    }

    private static List<String> activityRow(Activity activity, ParticipationCell cell) {
        List<String> row = new ArrayList<>(ActivityColumns.ALL.size());
        row.add(activity.id());
        row.add(activity.updatedAt().toString());
        row.add("");
        row.add(activity.mechanism().name());
        row.add(activity.status().name());
        row.add(text(activity.startDate()));
        row.add(text(activity.endDate()));
        row.add(activity.title() == null ? "" : text(activity.title().fr()));
        row.add(activity.title() == null ? "" : text(activity.title().ar()));
        row.add(text(activity.theme()));
        row.add(text(activity.initiator()));
        row.add(text(activity.indhProjectRef()));
        row.add(activity.funding() == null ? "" : text(activity.funding().tadaforMad()));
        row.add(activity.funding() == null ? "" : text(activity.funding().communeMad()));
        row.add(activity.funding() == null ? "" : text(activity.funding().indhMad()));
        row.add(activity.funding() == null ? "" : text(activity.funding().otherMad()));
        row.add(activity.associations().stream().map(association -> association.id() + ":" + association.name())
                .collect(Collectors.joining(" | ")));
        row.add(cell == null ? "" : cell.gender().name());
        row.add(cell == null ? "" : cell.ageBand().code());
        row.add(cell == null || cell.disability() == null ? "" : cell.disability().toString());
        row.add(cell == null ? "" : cell.role().name());
        row.add(cell == null ? "" : Integer.toString(cell.count()));
        return row;
    }

    private static byte[] workbook(List<Column> columns, Locale locale, String dataSheet, List<List<Object>> rows,
                                   boolean instructions) {
        boolean arabic = Languages.arabic(locale);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            XSSFSheet data = workbook.createSheet(dataSheet);
            data.setRightToLeft(arabic);
            Row header = data.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i).header(locale));
                header.getCell(i).setCellStyle(bold);
                data.setColumnWidth(i, 20 * 256);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = data.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    Object value = rows.get(r).get(i);
                    if (value instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else if (!value.toString().isEmpty()) {
                        row.createCell(i).setCellValue(value.toString());
                    }
                }
            }
            if (instructions) {
                XSSFSheet help = workbook.createSheet(arabic ? "تعليمات" : "instructions");
                help.setRightToLeft(arabic);
                help.createRow(0).createCell(0).setCellValue(arabic
                        ? "املأ الورقة الأولى، سطرا لكل نشاط وخانة مشاركة (أو لكل مشروع). يرفض الملف بأكمله إذا تضمن خطأ واحدا، مع قائمة الأخطاء. القيم المحسوبة بالصيغ تقرأ كما حفظت."
                        : "Remplissez la première feuille, une ligne par activité et cellule de participation (ou par projet). Un fichier qui contient une seule erreur est refusé en entier, avec la liste des erreurs. Les formules sont lues telles qu'enregistrées, jamais recalculées.");
                Row titles = help.createRow(2);
                List<String> names = arabic ? List.of("العمود", "إلزامي", "طريقة الملء") : List.of("Colonne", "Obligatoire", "Comment le remplir");
                for (int i = 0; i < names.size(); i++) {
                    titles.createCell(i).setCellValue(names.get(i));
                    titles.getCell(i).setCellStyle(bold);
                }
                for (int i = 0; i < columns.size(); i++) {
                    Column column = columns.get(i);
                    Row row = help.createRow(i + 3);
                    row.createCell(0).setCellValue(column.header(locale));
                    row.createCell(1).setCellValue(column.required() ? (arabic ? "نعم" : "oui") : (arabic ? "لا" : "non"));
                    row.createCell(2).setCellValue(column.format(locale));
                }
                help.setColumnWidth(0, 28 * 256);
                help.setColumnWidth(2, 100 * 256);
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        return value == null ? "" : value.toString();
    }
}
