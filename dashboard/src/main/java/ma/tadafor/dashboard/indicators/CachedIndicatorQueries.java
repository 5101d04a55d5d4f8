package ma.tadafor.dashboard.indicators;

import java.util.List;

import javax.sql.DataSource;

import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.mart.IndicatorFigure;
import ma.tadafor.data.mart.IndicatorQueries;

/**
 * The indicator mart's answers with their live targets, kept until the marts are replaced or the
 * results framework changes (its store empties the cache): each answer scans the mart.
 */
class CachedIndicatorQueries extends IndicatorQueries {

    private final MartCache cache;

    CachedIndicatorQueries(DataSource warehouse, MartCache cache) {
        super(warehouse);
        this.cache = cache;
    }

    @Override
    public List<IndicatorFigure> indicators(String scope, String semester) {
        return cache.get(List.of("indicators", scope, semester), () -> List.copyOf(super.indicators(scope, semester)));
    }
}
