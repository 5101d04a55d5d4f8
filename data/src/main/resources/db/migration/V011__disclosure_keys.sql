-- Disclosure control (docs/PRIVACY.md). The deployment's secret, from which the refresh derives
-- each participation cell's record key: generated once by the application at its first start,
-- kept with the warehouse (and so in its backups: a restore publishes the same figures), never
-- shown. The marts carry, beside each exact count, its cell key: the sum of its records' keys
-- modulo 256, from which the disclosure layer perturbs the count the same way whatever the query.
CREATE TABLE disclosure_secret (
    secret     VARCHAR NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Until the next refresh computes them, the keys of the marts already there are 0: their figures
-- are perturbed, consistently, only from that refresh on.
ALTER TABLE mart_participation_cube ADD COLUMN participants_key INTEGER NOT NULL DEFAULT 0;

DROP VIEW mart_participation;
CREATE VIEW mart_participation AS
SELECT b.commune_code, b.province_code, b.region_code, b.cohort, b.mechanism, b.month, b.year, b.semester,
       p.cell_set, c.gender, c.age_band, c.disability, c.role, p.participants, p.activities, p.participants_key
FROM mart_participation_cube p
JOIN mart_participation_base b ON b.base_key = p.base_key
JOIN mart_participation_cell_code c ON c.cell_code = p.cell_code;

ALTER TABLE mart_participation_rate ADD COLUMN participants_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mart_participation_rate ADD COLUMN known_gender_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mart_participation_rate ADD COLUMN women_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mart_participation_rate ADD COLUMN known_age_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mart_participation_rate ADD COLUMN youth_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mart_participation_rate ADD COLUMN known_disability_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mart_participation_rate ADD COLUMN disabled_key INTEGER NOT NULL DEFAULT 0;

-- Indicators made of participant counts: the keys of their numerator and denominator (null for
-- indicators of activities, communes, amounts or entered by hand, which count no person).
ALTER TABLE mart_indicator ADD COLUMN numerator_key INTEGER;
ALTER TABLE mart_indicator ADD COLUMN denominator_key INTEGER;

-- The data-quality mart's shares of unknown values are shares of persons: published from their
-- protected counts.
ALTER TABLE mart_data_quality ADD COLUMN participants_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mart_data_quality ADD COLUMN unknown_gender_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mart_data_quality ADD COLUMN unknown_age_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mart_data_quality ADD COLUMN unknown_disability_key INTEGER NOT NULL DEFAULT 0;
