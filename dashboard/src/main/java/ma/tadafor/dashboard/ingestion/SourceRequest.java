package ma.tadafor.dashboard.ingestion;

/** A source as an administrator sends it; {@code id} comes from the path on PUT. */
record SourceRequest(String id, String type, String communeCode, String baseUrl, String token, String schedule,
                     Boolean enabled) {
}
