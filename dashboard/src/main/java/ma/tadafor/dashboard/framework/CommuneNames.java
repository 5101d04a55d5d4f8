package ma.tadafor.dashboard.framework;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * Finds a commune as a clerk writes it: its code, its name in French or Arabic (without regard to
 * case, accents or Arabic diacritics), or the page's suggestion ({@code 05.091.01.07 · Kasba Tadla}).
 * A name that several communes share is refused with their codes, never guessed.
 */
@Component
class CommuneNames {

    private final TerritoryQueries territories;

    CommuneNames(TerritoryQueries territories) {
        this.territories = territories;
    }

    /** Every commune of the country, read once for a page or a whole workbook. */
    Lookup lookup() {
        return new Lookup(territories.communes(TerritorialScope.NATIONAL, false));
    }

    static final class Lookup {

        private final List<Commune> communes;
        private final Map<String, Commune> byCode;

        private Lookup(List<Commune> communes) {
            this.communes = communes;
            this.byCode = communes.stream().collect(Collectors.toMap(Commune::code, commune -> commune));
        }

        List<Commune> communes() {
            return communes;
        }

        /** @throws InvalidParameterException naming {@code code}, as the API does for an unknown commune */
        String code(String text) {
            String written = text == null ? "" : text.strip();
            String code = written.split("[\\s·]+", 2)[0];
            if (byCode.containsKey(code)) {
                return code;
            }
            String name = normalised(written);
            List<String> named = communes.stream()
                    .filter(commune -> name.equals(normalised(commune.nameFr())) || name.equals(normalised(commune.nameAr())))
                    .map(Commune::code).toList();
            if (named.size() > 1) {
                throw new AmbiguousCommuneException(written, named);
            }
            if (named.isEmpty()) {
                throw new InvalidParameterException("code", "'" + written + "' is neither a commune code nor a commune name");
            }
            return named.get(0);
        }

        private static String normalised(String name) {
            return name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .replace('-', ' ').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
        }
    }

    /** A name that several communes share; {@code codes} are theirs. */
    static final class AmbiguousCommuneException extends InvalidParameterException {

        private final List<String> codes;

        AmbiguousCommuneException(String name, List<String> codes) {
            super("code", "'" + name + "' is the name of several communes: " + String.join(", ", codes) + "; give the code");
            this.codes = List.copyOf(codes);
        }

        List<String> codes() {
            return codes;
        }
    }
}
