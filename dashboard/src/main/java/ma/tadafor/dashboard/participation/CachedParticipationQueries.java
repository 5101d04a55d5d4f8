package ma.tadafor.dashboard.participation;

import java.util.List;

import javax.sql.DataSource;

import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.mart.ParticipationFigures;
import ma.tadafor.data.mart.ParticipationQueries;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.territory.TerritorialScope;

/**
 * The participation mart's answers, kept until the marts are replaced: every page and the API ask
 * the same few questions again and again, and each answer costs two scans of the mart.
 */
class CachedParticipationQueries extends ParticipationQueries {

    private final MartCache cache;

    CachedParticipationQueries(DataSource warehouse, MartCache cache) {
        super(warehouse);
        this.cache = cache;
    }

    @Override
    public ParticipationFigures participation(ParticipationQuery query, TerritorialScope scope) {
        return cache.get(List.of("participation", query, scope), () -> super.participation(query, scope));
    }
}
