package ma.tadafor.data.mail;

/** What a user receives by mail, at which address and in which language ({@code fr} or {@code ar}). */
public record Subscription(String username, String email, String lang, boolean briefs, boolean reminders,
                           boolean alerts) {
}
