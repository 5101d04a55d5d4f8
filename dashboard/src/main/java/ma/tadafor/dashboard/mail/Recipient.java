package ma.tadafor.dashboard.mail;

/** An address and the language ({@code fr} or {@code ar}) of what is written to it. */
record Recipient(String email, String lang) {
}
