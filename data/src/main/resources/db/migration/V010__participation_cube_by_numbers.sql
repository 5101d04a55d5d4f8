-- The participation cube as numbers: each row refers to its base (commune, mechanism, month) and
-- to its cell code (gender, age band, disability, role) by key, and the view mart_participation
-- puts the three back together, with the columns the table of V004 had. At national scale the cube
-- has tens of millions of rows: writing and loading four strings and eight base columns with each
-- of them took longer than computing them (docs/ANALYTICS.md).
CREATE TABLE mart_participation_base (
    base_key      INTEGER NOT NULL,
    commune_code  VARCHAR NOT NULL,
    province_code VARCHAR NOT NULL,
    region_code   VARCHAR NOT NULL,
    cohort        VARCHAR,
    mechanism     VARCHAR NOT NULL,
    month         DATE,
    year          INTEGER,
    semester      VARCHAR
);

-- Every code of every grouping set; a dimension is null where the set does not group by it.
CREATE TABLE mart_participation_cell_code (
    cell_code  INTEGER NOT NULL,
    gender     VARCHAR,
    age_band   VARCHAR,
    disability VARCHAR,
    role       VARCHAR
);

CREATE TABLE mart_participation_cube (
    base_key     INTEGER NOT NULL,
    cell_set     INTEGER NOT NULL,
    cell_code    INTEGER NOT NULL,
    participants BIGINT NOT NULL,
    activities   BIGINT NOT NULL
);

-- The marts of the last refresh, kept: numbered here, their codes are this warehouse's own until the
-- next refresh replaces the three tables at once.
INSERT INTO mart_participation_base
SELECT row_number() OVER (ORDER BY commune_code, mechanism, month NULLS FIRST), *
FROM (SELECT DISTINCT commune_code, province_code, region_code, cohort, mechanism, month, year, semester
      FROM mart_participation);

INSERT INTO mart_participation_cell_code
SELECT row_number() OVER (ORDER BY gender, age_band, disability, role), *
FROM (SELECT DISTINCT gender, age_band, disability, role FROM mart_participation);

INSERT INTO mart_participation_cube
SELECT b.base_key, m.cell_set, c.cell_code, m.participants, m.activities
FROM mart_participation m
JOIN mart_participation_base b ON b.commune_code = m.commune_code AND b.mechanism = m.mechanism
    AND b.month IS NOT DISTINCT FROM m.month
JOIN mart_participation_cell_code c ON c.gender IS NOT DISTINCT FROM m.gender
    AND c.age_band IS NOT DISTINCT FROM m.age_band AND c.disability IS NOT DISTINCT FROM m.disability
    AND c.role IS NOT DISTINCT FROM m.role;

DROP TABLE mart_participation;

CREATE VIEW mart_participation AS
SELECT b.commune_code, b.province_code, b.region_code, b.cohort, b.mechanism, b.month, b.year, b.semester,
       p.cell_set, c.gender, c.age_band, c.disability, c.role, p.participants, p.activities
FROM mart_participation_cube p
JOIN mart_participation_base b ON b.base_key = p.base_key
JOIN mart_participation_cell_code c ON c.cell_code = p.cell_code;
