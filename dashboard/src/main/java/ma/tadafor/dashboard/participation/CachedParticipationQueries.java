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
 * the same few questions again and again, and each answer costs a scan of the mart for its rows and
 * one for its total. Totals are kept apart, by the question without its grouping: a page groups the
 * same participation several ways (the overview, by six dimensions in two semesters) over one total.
 */
class CachedParticipationQueries extends ParticipationQueries {

    private final MartCache cache;

    CachedParticipationQueries(DataSource warehouse, MartCache cache) {
        super(warehouse);
        this.cache = cache;
    }

    @Override
    protected List<ParticipationFigures.Row> rows(ParticipationQuery query, TerritorialScope scope) {
        return cache.get(List.of("participation rows", query, scope), () -> super.rows(query, scope));
    }

    @Override
    protected ParticipationFigures total(ParticipationQuery query, TerritorialScope scope) {
        ParticipationQuery ungrouped = new ParticipationQuery(List.of(), query.filters(), query.from(), query.to());
        return cache.get(List.of("participation total", ungrouped, scope), () -> super.total(ungrouped, scope));
    }
}
