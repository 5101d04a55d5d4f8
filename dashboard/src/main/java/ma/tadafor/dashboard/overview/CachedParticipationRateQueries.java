package ma.tadafor.dashboard.overview;

import java.util.List;

import javax.sql.DataSource;

import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.mart.AreaRate;
import ma.tadafor.data.mart.ParticipationRate;
import ma.tadafor.data.mart.ParticipationRateQueries;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;

/** The participation rates (the overview's map, the commune profile), kept until the marts are replaced. */
class CachedParticipationRateQueries extends ParticipationRateQueries {

    private final MartCache cache;

    CachedParticipationRateQueries(DataSource warehouse, MartCache cache) {
        super(warehouse);
        this.cache = cache;
    }

    @Override
    public List<ParticipationRate> semesters(String scope) {
        return cache.get(List.of("rates", scope), () -> super.semesters(scope));
    }

    @Override
    public List<AreaRate> areas(Territory.Level level, String regionCode, String semester, TerritorialScope scope) {
        return cache.get(List.of("areas", level, String.valueOf(regionCode), String.valueOf(semester), scope),
                () -> super.areas(level, regionCode, semester, scope));
    }
}
