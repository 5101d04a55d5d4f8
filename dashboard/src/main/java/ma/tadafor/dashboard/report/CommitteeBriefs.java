package ma.tadafor.dashboard.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import ma.tadafor.dashboard.period.Semester;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;

/**
 * The committee brief as a PDF: {@link CommitteeBrief} says what it holds, the Thymeleaf page
 * {@code reports/committee-brief.html} lays it out (right to left in Arabic), ECharts draws its
 * charts as SVG in the page, and {@link ChromiumPdf} prints it. Pages are self-contained: the
 * ECharts script of the webjar is inlined, so printing needs no server, session or network.
 */
final class CommitteeBriefs {

    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.5.0/echarts.common.min.js";
    /** The charts' number formats, the pages' own. */
    static final String NUMBERS = "/static/js/numbers.js";

    private final CommitteeBrief content;
    private final ITemplateEngine templates;
    private final ChromiumPdf printer;
    private final String echarts;
    private final String numbers;
    private final Wording wording;

    CommitteeBriefs(CommitteeBrief content, ITemplateEngine templates, ChromiumPdf printer, Wording wording) {
        this.content = content;
        this.wording = wording;
        this.templates = templates;
        this.printer = printer;
        this.echarts = script(ECHARTS);
        this.numbers = script(NUMBERS);
    }

    byte[] pdf(Territory province, Semester semester, Locale locale, TerritorialScope scope, LocalDate asOf) {
        return printer.print(html(province, semester, locale, scope, asOf));
    }

    /** In {@code language}'s written locale: Western digits in Arabic too, whatever formats a number. */
    String html(Territory province, Semester semester, Locale language, TerritorialScope scope, LocalDate asOf) {
        Locale locale = Wording.written(language);
        CommitteeBrief.Brief brief = content.build(province, semester, locale, scope, asOf);
        return templates.process("reports/committee-brief", new Context(locale, Map.of("brief", brief, "echarts", echarts,
                "numbers", numbers, "semester", wording.semester(semester, locale),
                "previousSemester", wording.semester(semester.previous(), locale))));
    }

    private static String script(String resource) {
        try (InputStream in = CommitteeBriefs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
