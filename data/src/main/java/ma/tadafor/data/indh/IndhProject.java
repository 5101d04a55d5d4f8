package ma.tadafor.data.indh;

import java.math.BigDecimal;
import java.time.LocalDate;

import ma.tadafor.data.activity.Theme;

/**
 * A project of the Initiative Nationale pour le Développement Humain, as the provincial INDH
 * committee lists it. {@code ref} is the name activities use in {@code indhProjectRef};
 * {@code communeCode} is null for a project that covers the whole province.
 */
public record IndhProject(
        String ref,
        String provinceCode,
        String communeCode,
        int programmeNo,
        Theme theme,
        String titleFr,
        String titleAr,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal totalCostMad,
        BigDecimal indhContributionMad,
        String status) {
}
