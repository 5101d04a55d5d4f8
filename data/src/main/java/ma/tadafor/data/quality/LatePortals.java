package ma.tadafor.data.quality;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import ma.tadafor.data.Rows;

/**
 * Communes whose portal is late: none of their enabled sources has succeeded for longer than
 * {@link CommuneQuality#STALE_AFTER_HOURS} (a source that never succeeded counts from its
 * registration). Read live from the sources and their watermarks, not from the last mart refresh,
 * so that lateness shows the day it happens.
 */
public final class LatePortals {

    /** A late commune and since when its portal has had no successful pull. */
    public record LatePortal(String communeCode, String nameFr, String nameAr, Instant lastSuccessAt) {
    }

    private final DataSource dataSource;

    public LatePortals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<LatePortal> asOf(Instant now) {
        List<LatePortal> late = new ArrayList<>();
        Rows.each(dataSource, """
                SELECT s.commune_code, c.name_fr, c.name_ar, coalesce(max(w.last_success_at), min(s.created_at)) AS since
                FROM source s JOIN commune c ON c.code = s.commune_code LEFT JOIN watermark w ON w.source_id = s.id
                WHERE s.enabled GROUP BY s.commune_code, c.name_fr, c.name_ar
                HAVING coalesce(max(w.last_success_at), min(s.created_at)) < ? ORDER BY s.commune_code""",
                List.of(OffsetDateTime.ofInstant(now.minusSeconds(CommuneQuality.STALE_AFTER_HOURS * 3600), ZoneOffset.UTC)),
                row -> late.add(new LatePortal(row.getString(1), row.getString(2), row.getString(3),
                        row.getObject(4, OffsetDateTime.class).toInstant())), "reading the late portals");
        return late;
    }
}
