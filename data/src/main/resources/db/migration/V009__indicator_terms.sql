-- What a share's actual is computed from, so that each commune's contribution to a wider scope can
-- be shown: numerator and denominator (a territory's are the sums of its communes'). Null for
-- counts and sums, whose actual is its own contribution, and for indicators entered by hand.
ALTER TABLE mart_indicator ADD COLUMN numerator DOUBLE;
ALTER TABLE mart_indicator ADD COLUMN denominator DOUBLE;
