package ma.tadafor.data.activity;

/**
 * People who took part in one activity, counted by gender, age band, disability and role.
 * {@code disability} is {@code null} when unknown. Cells are counts, never persons.
 */
public record ParticipationCell(Gender gender, AgeBand ageBand, Boolean disability, Role role, int count) {
}
