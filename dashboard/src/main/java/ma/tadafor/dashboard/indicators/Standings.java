package ma.tadafor.dashboard.indicators;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedActual;
import ma.tadafor.data.framework.Projection;
import ma.tadafor.data.mart.IndicatorFigure;
import ma.tadafor.data.mart.IndicatorQueries;

/**
 * Where each indicator of a scope stands in a semester, as the results page and the brief show it:
 * its actual as the reader may see it, the target, status and projection it is judged by. A
 * territory without a target of its own for an indicator is judged by the programme's target, and
 * takes the programme's status and projection ({@code programmeTarget}, read "cible du programme"):
 * a governor sees how the programme he contributes to stands rather than "no data".
 */
@Service
public class Standings {

    /** {@code noTarget}: neither the scope nor the programme has a target, so the status says so rather than "no data". */
    public record Standing(IndicatorFigure figure, PublishedActual actual, Double target, String status,
                           boolean programmeTarget, Projection projection) {

        public boolean noTarget() {
            return target == null;
        }

        /** The key of the status's word: {@code NO_TARGET} when there is no target to be judged by. */
        public String statusWord() {
            return target == null ? "NO_TARGET" : status;
        }
    }

    private static final String PROGRAMME = "programme";

    private final IndicatorQueries indicators;
    private final Disclosure disclosure;
    private final Projections projections;

    Standings(IndicatorQueries indicators, Disclosure disclosure, Projections projections) {
        this.indicators = indicators;
        this.disclosure = disclosure;
        this.projections = projections;
    }

    public List<Standing> of(String scope, String semester, Audience audience) {
        Map<String, Projection> ahead = projections.of(scope, semester, audience);
        List<IndicatorFigure> figures = indicators.indicators(scope, semester);
        boolean fallback = !PROGRAMME.equals(scope) && figures.stream().anyMatch(f -> f.target() == null);
        Map<String, IndicatorFigure> programme = fallback ? indicators.indicators(PROGRAMME, semester).stream()
                .collect(Collectors.toMap(IndicatorFigure::code, Function.identity())) : Map.of();
        Map<String, Projection> programmeAhead = fallback ? projections.of(PROGRAMME, semester, audience) : Map.of();
        return figures.stream().map(figure -> {
            PublishedActual actual = disclosure.actual(figure.actual(), figure.target(), audience);
            IndicatorFigure national = programme.get(figure.code());
            if (figure.target() == null && national != null && national.target() != null) {
                return new Standing(figure, actual, national.target(),
                        disclosure.actual(national.actual(), national.target(), audience).status(), true,
                        programmeAhead.getOrDefault(figure.code(), Projection.none()));
            }
            return new Standing(figure, actual, figure.target(), actual.status(), false,
                    ahead.getOrDefault(figure.code(), Projection.none()));
        }).toList();
    }
}
