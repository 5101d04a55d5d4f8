package ma.tadafor.dashboard.publicdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

import ma.tadafor.dashboard.disclosure.PublishedCount;
import ma.tadafor.dashboard.disclosure.PublishedParticipation;
import ma.tadafor.dashboard.publicdata.PublicFigures.PublicIndicator;
import ma.tadafor.dashboard.wording.Numbers;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The public pages (docs/PUBLIC.md): the programme, each province with an approved semester and each
 * of its programme communes, in French or Arabic ({@code ?lang=ar}), tables of what
 * {@link PublicFigures} publishes. Stateless: the language is the link's, never a cookie.
 */
@Controller
class PublicPages {

    private static final List<ParticipationDimension> BREAKDOWNS = List.of(ParticipationDimension.GENDER,
            ParticipationDimension.AGE_BAND, ParticipationDimension.DISABILITY, ParticipationDimension.MECHANISM);

    private final PublicFigures figures;
    private final TerritoryQueries territories;
    private final Wording wording;
    private final CacheControl caching;

    PublicPages(PublicFigures figures, TerritoryQueries territories, Wording wording, PublicProperties properties) {
        this.figures = figures;
        this.territories = territories;
        this.wording = wording;
        this.caching = caching(properties);
    }

    /** How long a public answer may be kept by browsers and proxies: the same for everyone, so public. */
    static CacheControl caching(PublicProperties properties) {
        return CacheControl.maxAge(properties.maxAge()).cachePublic();
    }

    /** A line of a table: what it counts, the count as shown, and where it leads (null: nowhere). */
    record Line(String label, String value, String href) {
    }

    /** A table of a breakdown: its caption and lines. */
    record Table(String caption, List<Line> lines) {
    }

    /** An indicator's line: code, label, target, actual and status, as shown. */
    record IndicatorLine(String code, String label, String target, String actual, String status) {
    }

    @GetMapping("/public")
    String programme(Model model, Locale locale, HttpServletResponse response) {
        List<Line> provinces = new ArrayList<>();
        for (String province : figures.provinces()) {
            String latest = figures.semestersOf(province).get(0);
            provinces.add(new Line(name(province(province), locale) + " · " + wording.semester(latest, locale),
                    shown(figures.participation(province, null, latest, null).total(), locale),
                    "/public/provinces/" + province));
        }
        model.addAttribute("provinces", provinces);
        model.addAttribute("semesters", figures.approved().keySet().stream().map(s -> wording.semester(s, locale)).toList());
        return page(response, "public/programme");
    }

    @GetMapping("/public/provinces/{code}")
    String province(@PathVariable String code, @RequestParam(required = false) String semester, Model model, Locale locale,
            HttpServletResponse response) {
        List<String> semesters = figures.semestersOf(code);
        String shown = chosen(semesters, semester);
        Territory province = province(code);
        List<Line> communes = new ArrayList<>();
        PublishedParticipation byCommune = figures.participation(code, null, shown, ParticipationDimension.COMMUNE);
        for (Commune commune : figures.communes(code)) {
            String count = byCommune.rows().stream().filter(r -> commune.code().equals(r.value(ParticipationDimension.COMMUNE)))
                    .findFirst().map(r -> shown(r.participants(), locale)).orElse(Numbers.count(0));
            communes.add(new Line(Wording.name(commune.nameFr(), commune.nameAr(), locale), count,
                    "/public/communes/" + commune.code() + "?semester=" + shown));
        }
        List<IndicatorLine> indicators = new ArrayList<>();
        for (PublicIndicator indicator : figures.indicators(code, shown)) {
            String unit = indicator.definition().unit();
            indicators.add(new IndicatorLine(indicator.definition().code(),
                    Wording.name(indicator.definition().labelFr(), indicator.definition().labelAr(), locale),
                    indicator.definition().target() == null ? wording.text("public.noTarget", locale)
                            : wording.figure(indicator.definition().target(), unit),
                    indicator.actual().suppressed() ? wording.text("disclosure.suppressed", locale)
                            : wording.figure(indicator.actual().value(), unit),
                    wording.text("status." + indicator.status(), locale)));
        }
        model.addAttribute("communes", communes);
        model.addAttribute("indicators", indicators);
        return territory(model, locale, response, province, code, null, semesters, shown, "/public/provinces/" + code);
    }

    @GetMapping("/public/communes/{code}")
    String commune(@PathVariable String code, @RequestParam(required = false) String semester, Model model, Locale locale,
            HttpServletResponse response) {
        String provinceCode = code.length() > 6 ? code.substring(0, 6) : "";
        List<String> semesters = figures.semestersOf(provinceCode);
        Commune commune = figures.communes(provinceCode).stream().filter(c -> c.code().equals(code)).findFirst()
                .filter(c -> !semesters.isEmpty()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no programme commune " + code + " with approved figures"));
        String shown = chosen(semesters, semester);
        model.addAttribute("province", new Line(name(province(provinceCode), locale), null, "/public/provinces/" + provinceCode));
        model.addAttribute("communeName", Wording.name(commune.nameFr(), commune.nameAr(), locale));
        return territory(model, locale, response, null, provinceCode, code, semesters, shown, "/public/communes/" + code);
    }

    private String territory(Model model, Locale locale, HttpServletResponse response, Territory province, String provinceCode,
            String communeCode, List<String> semesters, String shown, String path) {
        if (province != null) {
            model.addAttribute("provinceName", name(province, locale));
        }
        model.addAttribute("semester", wording.semester(shown, locale));
        model.addAttribute("semesters", semesters.stream().map(s -> new Line(wording.semester(s, locale), s,
                path + "?semester=" + s)).toList());
        model.addAttribute("total", shown(figures.participation(provinceCode, communeCode, shown, null).total(), locale));
        List<Table> tables = new ArrayList<>();
        for (ParticipationDimension dimension : BREAKDOWNS) {
            List<Line> lines = figures.participation(provinceCode, communeCode, shown, dimension).rows().stream()
                    .map(row -> new Line(label(dimension, row.value(dimension), locale), shown(row.participants(), locale), null))
                    .toList();
            tables.add(new Table(wording.text("public.by." + dimension.apiName(), locale), lines));
        }
        model.addAttribute("tables", tables);
        return page(response, communeCode == null ? "public/province" : "public/commune");
    }

    /** The semester asked for if approved, else the latest approved; none approved is a 404. */
    private static String chosen(List<String> semesters, String asked) {
        if (semesters.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no approved figures here");
        }
        return asked != null && semesters.contains(asked) ? asked : semesters.get(0);
    }

    private String page(HttpServletResponse response, String template) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, caching.getHeaderValue());
        return template;
    }

    private Territory province(String code) {
        return territories.find(Territory.Level.PROVINCE, code).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no province " + code));
    }

    private static String name(Territory territory, Locale locale) {
        return Wording.name(territory.nameFr(), territory.nameAr(), locale);
    }

    private String label(ParticipationDimension dimension, Object value, Locale locale) {
        String key = dimension.apiName() + "." + value;
        return wording.textOr(key, String.valueOf(value), locale);
    }

    private String shown(PublishedCount count, Locale locale) {
        return count.suppressed() ? wording.text("disclosure.suppressed", locale) : Numbers.count(count.perturbed());
    }
}
