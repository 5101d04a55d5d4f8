package ma.tadafor.dashboard.territory;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.ProgrammeMember;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * Territories and the programme's communes, read once and kept: every page resolves its scope
 * and its breadcrumb on each request. Territories are reference data; membership changes through
 * the results framework's store, which empties the cache.
 */
class CachedTerritoryQueries extends TerritoryQueries {

    private final MartCache cache;

    CachedTerritoryQueries(DataSource warehouse, MartCache cache) {
        super(warehouse);
        this.cache = cache;
    }

    @Override
    public List<Commune> communes(TerritorialScope scope, boolean programmeOnly) {
        return cache.get(List.of("communes", scope, programmeOnly), () -> List.copyOf(super.communes(scope, programmeOnly)));
    }

    @Override
    public List<ProgrammeMember> programmeMembers() {
        return cache.get("programme-members", () -> List.copyOf(super.programmeMembers()));
    }

    @Override
    public Optional<Territory> find(Territory.Level level, String code) {
        return cache.get(List.of("territory", level, code), () -> super.find(level, code));
    }
}
