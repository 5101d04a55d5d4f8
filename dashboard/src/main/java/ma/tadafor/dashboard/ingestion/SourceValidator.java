package ma.tadafor.dashboard.ingestion;

import java.net.URI;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceType;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/** Checks a source before it is stored, naming the field that is wrong and why. */
@Component
class SourceValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final TerritoryQueries territories;

    SourceValidator(TerritoryQueries territories) {
        this.territories = territories;
    }

    /** The source to store; {@code existing} supplies the token when the request leaves it out. */
    Source validate(SourceRequest request, Source existing) {
        if (request.id() == null || !ID.matcher(request.id()).matches()) {
            throw new InvalidParameterException("id", "must be 1 to 64 lower-case letters, digits, '.', '_' or '-'");
        }
        SourceType type = parseType(request.type());
        if (request.communeCode() == null || territories.find(Territory.Level.COMMUNE, request.communeCode()).isEmpty()) {
            throw new InvalidParameterException("communeCode", "'" + request.communeCode() + "' is not a commune code");
        }
        URI baseUrl = parseUrl(request.baseUrl());
        if (request.schedule() == null || !CronExpression.isValidExpression(request.schedule())) {
            throw new InvalidParameterException("schedule",
                    "must be a cron expression of six fields (second minute hour day month weekday), e.g. 0 0 2 * * *");
        }
        String token = request.token() != null ? request.token() : existing == null ? null : existing.token();
        if (token == null || token.isBlank()) {
            throw new InvalidParameterException("token", "a new source needs the portal's token");
        }
        return new Source(request.id(), type, request.communeCode(), baseUrl.toString(), token, request.schedule(),
                request.enabled() == null || request.enabled());
    }

    private static SourceType parseType(String type) {
        return Arrays.stream(SourceType.values()).filter(value -> value.name().equals(type)).findFirst()
                .orElseThrow(() -> new InvalidParameterException("type", "must be PORTAL_FEED or DECIDIM"));
    }

    private static URI parseUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidParameterException("baseUrl", "must be an http or https URL without query, e.g. https://commune.ma");
        }
    }
}
