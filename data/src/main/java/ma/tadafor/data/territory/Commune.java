package ma.tadafor.data.territory;

/**
 * A commune with its place in the hierarchy, its programme cohort ({@code pilot},
 * {@code extension}, or null outside the programme) and its RGPH 2024 municipal population.
 */
public record Commune(
        String code,
        String nameFr,
        String nameAr,
        String provinceCode,
        String regionCode,
        String type,
        String cohort,
        Population population) {

    /** Municipal population by sex; {@code total} is their sum as the census reports it. */
    public record Population(Long total, Long female, Long male) {
    }
}
