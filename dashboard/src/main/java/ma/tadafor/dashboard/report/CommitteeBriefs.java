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

    private final CommitteeBrief content;
    private final ITemplateEngine templates;
    private final ChromiumPdf printer;
    private final String echarts;

    CommitteeBriefs(CommitteeBrief content, ITemplateEngine templates, ChromiumPdf printer) {
        this.content = content;
        this.templates = templates;
        this.printer = printer;
        this.echarts = script(ECHARTS);
    }

    byte[] pdf(Territory province, Semester semester, Locale locale, TerritorialScope scope, LocalDate asOf) {
        return printer.print(html(province, semester, locale, scope, asOf));
    }

    String html(Territory province, Semester semester, Locale locale, TerritorialScope scope, LocalDate asOf) {
        CommitteeBrief.Brief brief = content.build(province, semester, locale, scope, asOf);
        return templates.process("reports/committee-brief", new Context(locale, Map.of("brief", brief, "echarts", echarts)));
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
