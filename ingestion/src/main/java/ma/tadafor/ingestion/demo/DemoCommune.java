package ma.tadafor.ingestion.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A programme commune as the demo generator needs it; the caller builds it from the warehouse.
 * {@code code} is the full commune code (e.g. {@code 05.091.01.07}) and starts with
 * {@code provinceCode} (e.g. {@code 05.091}); {@code cohort} is {@code pilot} or {@code extension}.
 */
public record DemoCommune(
        String code,
        String provinceCode,
        String cohort,
        LocalDate joined,
        long populationFemale,
        long populationMale,
        double disabilityPrevalencePct) {

    public DemoCommune {
        Objects.requireNonNull(joined, "joined");
        if (!code.startsWith(provinceCode + ".")) {
            throw new IllegalArgumentException("commune " + code + " is not in province " + provinceCode);
        }
        if (!cohort.equals("pilot") && !cohort.equals("extension")) {
            throw new IllegalArgumentException("cohort must be pilot or extension: " + cohort);
        }
    }

    boolean pilot() {
        return cohort.equals("pilot");
    }

    long population() {
        return populationFemale + populationMale;
    }

    /** The commune's digits within its province ({@code 0107} for {@code 05.091.01.07}). */
    String localDigits() {
        return code.substring(provinceCode.length() + 1).replace(".", "");
    }
}
