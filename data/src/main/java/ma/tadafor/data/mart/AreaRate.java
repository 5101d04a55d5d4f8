package ma.tadafor.data.mart;

/** A region or province with its participation rate in one semester ({@code rate} null without data). */
public record AreaRate(String code, String nameFr, String nameAr, ParticipationRate rate) {
}
