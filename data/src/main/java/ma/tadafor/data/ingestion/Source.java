package ma.tadafor.data.ingestion;

/**
 * A commune's portal the platform pulls from. The token is stored to call the portal and never
 * shown back through the API.
 *
 * @param schedule a Spring cron expression (six fields), e.g. {@code 0 0 2 * * *}
 */
public record Source(String id, SourceType type, String communeCode, String baseUrl, String token, String schedule,
                     boolean enabled) {
}
