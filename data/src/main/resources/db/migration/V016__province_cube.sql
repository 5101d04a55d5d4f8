-- The participation cube summed over the communes of each province: what a question whose scope is
-- whole provinces, regions or the programme reads instead of the commune cube, twenty times larger
-- (docs/ANALYTICS.md, "The province cube"). Its counts, activities and key sums are sums of the
-- commune cube's, so an answer and its protection are the same from either. Kept by the marts' load,
-- in the swap's transaction, for the provinces whose cube rows it replaced.
CREATE TABLE mart_province_cube (
    province_code    VARCHAR NOT NULL,
    region_code      VARCHAR NOT NULL,
    cohort           VARCHAR,
    mechanism        VARCHAR NOT NULL,
    month            DATE,
    year             INTEGER,
    semester         VARCHAR,
    cell_set         INTEGER NOT NULL,
    cell_code        INTEGER NOT NULL,
    participants     BIGINT NOT NULL,
    activities       BIGINT NOT NULL,
    participants_key BIGINT NOT NULL
);

-- What the province cube holds, summed from the commune cube: the load inserts the rows of the
-- provinces it replaced from here (the filter on province reaches the bases through the grouping).
CREATE VIEW province_cube_from_communes AS
SELECT b.province_code, b.region_code, b.cohort, b.mechanism, b.month, b.year, b.semester, p.cell_set, p.cell_code,
       sum(p.participants) AS participants, sum(p.activities) AS activities,
       sum(p.participants_key) AS participants_key
FROM mart_participation_cube p
JOIN mart_participation_base b ON b.base_key = p.base_key
GROUP BY ALL;

-- Stored by grouping set, then province, as the commune cube is (MartStore).
INSERT INTO mart_province_cube SELECT * FROM province_cube_from_communes ORDER BY cell_set, province_code;

CREATE VIEW mart_participation_province AS
SELECT p.province_code, p.region_code, p.cohort, p.mechanism, p.month, p.year, p.semester,
       p.cell_set, c.gender, c.age_band, c.disability, c.role, p.participants, p.activities, p.participants_key
FROM mart_province_cube p
JOIN mart_participation_cell_code c ON c.cell_code = p.cell_code;
