package ma.tadafor.dashboard.ingestion;

import ma.tadafor.data.ingestion.Source;

/** A source as the API shows it: the token is write-only, only whether one is set shows. */
record SourceView(String id, String type, String communeCode, String baseUrl, String schedule, boolean enabled,
                  boolean tokenSet) {

    static SourceView of(Source source) {
        return new SourceView(source.id(), source.type().name(), source.communeCode(), source.baseUrl(), source.schedule(),
                source.enabled(), source.token() != null && !source.token().isEmpty());
    }
}
