package ma.tadafor.data.convergence;

import java.math.BigDecimal;

/** Convergence of one scope with one INDH programme (mart_convergence). */
public record ProgrammeConvergence(int programmeNo, String programmeNameFr, long linkedActivities, long explicitActivities,
                                   long inferredActivities, long linkedCoConstruction, BigDecimal indhCoFinancingMad,
                                   BigDecimal tadaforMad, long programmeCommunes, long communesWithActiveIndh,
                                   Double activeIndhShare) {
}
