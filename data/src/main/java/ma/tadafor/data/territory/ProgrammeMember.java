package ma.tadafor.data.territory;

import java.time.LocalDate;

/** A commune of the programme with what the census says of its people. */
public record ProgrammeMember(String communeCode, String provinceCode, String cohort, LocalDate joinedOn,
                              long populationFemale, long populationMale, double disabilityPct) {
}
