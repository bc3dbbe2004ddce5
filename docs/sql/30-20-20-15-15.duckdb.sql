-- Health score by the model '30-20-20-15-15': usage × 0.3, support × 0.2, engagement × 0.2, billing × 0.15, outcomes × 0.15.
-- Missing data: the weights renormalized over the components present; no score below a coverage of 0.5.
-- Bands (seed-002): Healthy from 80, At Risk from 40, Critical below.
-- Compiled by CustomerSuccess.Core. A value outside [0, 100], which the library refuses, gives no score.
WITH "health_parts" AS (
  SELECT
    "id",
    -- the weighted sum of the components present, in the model's order
    CASE WHEN "usage" BETWEEN 0 AND 100 THEN CAST('0.3' AS DOUBLE) * "usage" ELSE 0 END
      + CASE WHEN "support" BETWEEN 0 AND 100 THEN CAST('0.2' AS DOUBLE) * "support" ELSE 0 END
      + CASE WHEN "engagement" BETWEEN 0 AND 100 THEN CAST('0.2' AS DOUBLE) * "engagement" ELSE 0 END
      + CASE WHEN "billing" BETWEEN 0 AND 100 THEN CAST('0.15' AS DOUBLE) * "billing" ELSE 0 END
      + CASE WHEN "outcomes" BETWEEN 0 AND 100 THEN CAST('0.15' AS DOUBLE) * "outcomes" ELSE 0 END AS "health_weighted",
    -- the weight of the components present
    CASE WHEN "usage" BETWEEN 0 AND 100 THEN CAST('0.3' AS DOUBLE) ELSE 0 END
      + CASE WHEN "support" BETWEEN 0 AND 100 THEN CAST('0.2' AS DOUBLE) ELSE 0 END
      + CASE WHEN "engagement" BETWEEN 0 AND 100 THEN CAST('0.2' AS DOUBLE) ELSE 0 END
      + CASE WHEN "billing" BETWEEN 0 AND 100 THEN CAST('0.15' AS DOUBLE) ELSE 0 END
      + CASE WHEN "outcomes" BETWEEN 0 AND 100 THEN CAST('0.15' AS DOUBLE) ELSE 0 END AS "health_present",
    -- whether a value is outside [0, 100]
    (COALESCE("usage" < 0 OR "usage" > 100, FALSE) OR COALESCE("support" < 0 OR "support" > 100, FALSE) OR COALESCE("engagement" < 0 OR "engagement" > 100, FALSE) OR COALESCE("billing" < 0 OR "billing" > 100, FALSE) OR COALESCE("outcomes" < 0 OR "outcomes" > 100, FALSE)) AS "health_invalid",
    -- whether a component is missing
    ("usage" IS NULL OR "support" IS NULL OR "engagement" IS NULL OR "billing" IS NULL OR "outcomes" IS NULL) AS "health_any_missing"
  FROM "analytics"."customers"
),
"health_scores" AS (
  SELECT
    "id",
    CASE WHEN "health_invalid" OR "health_present" <= 0 OR "health_present" / CAST('1' AS DOUBLE) < CAST('0.499999999' AS DOUBLE) THEN NULL ELSE LEAST(GREATEST("health_weighted" / "health_present", 0), 100) END AS "health_score",
    CASE WHEN "health_invalid" THEN NULL ELSE LEAST("health_present" / CAST('1' AS DOUBLE), 1) END AS "health_coverage"
  FROM "health_parts"
)
-- a band from its lower bound less 1e-9, as the library compares
SELECT
  "id",
  "health_score",
  CASE WHEN "health_score" IS NULL THEN NULL WHEN "health_score" >= CAST('79.999999999' AS DOUBLE) THEN 'Healthy' WHEN "health_score" >= CAST('39.999999999' AS DOUBLE) THEN 'At Risk' ELSE 'Critical' END AS "health_band",
  CASE WHEN "health_score" IS NULL THEN NULL WHEN "health_score" >= CAST('79.999999999' AS DOUBLE) THEN 2 WHEN "health_score" >= CAST('39.999999999' AS DOUBLE) THEN 1 ELSE 0 END AS "health_band_rank",
  "health_coverage"
FROM "health_scores"
;
