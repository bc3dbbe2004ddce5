-- Health score by the model '40-25-25-10': productUsage × 0.4, engagement × 0.25, outcomes × 0.25, relationship × 0.1.
-- Missing data: the weights renormalized over the components present; no score below a coverage of 0.5.
-- Bands (seed-004): Healthy from 80, At Risk from 60, Unhealthy from 40, Critical below.
-- Compiled by CustomerSuccess.Core. A value outside [0, 100], which the library refuses, gives no score.
WITH "health_parts" AS (
  SELECT
    "id",
    -- the weighted sum of the components present, in the model's order
    CASE WHEN "productUsage" BETWEEN 0 AND 100 THEN CAST('0.4' AS DOUBLE) * "productUsage" ELSE 0 END
      + CASE WHEN "engagement" BETWEEN 0 AND 100 THEN CAST('0.25' AS DOUBLE) * "engagement" ELSE 0 END
      + CASE WHEN "outcomes" BETWEEN 0 AND 100 THEN CAST('0.25' AS DOUBLE) * "outcomes" ELSE 0 END
      + CASE WHEN "relationship" BETWEEN 0 AND 100 THEN CAST('0.1' AS DOUBLE) * "relationship" ELSE 0 END AS "health_weighted",
    -- the weight of the components present
    CASE WHEN "productUsage" BETWEEN 0 AND 100 THEN CAST('0.4' AS DOUBLE) ELSE 0 END
      + CASE WHEN "engagement" BETWEEN 0 AND 100 THEN CAST('0.25' AS DOUBLE) ELSE 0 END
      + CASE WHEN "outcomes" BETWEEN 0 AND 100 THEN CAST('0.25' AS DOUBLE) ELSE 0 END
      + CASE WHEN "relationship" BETWEEN 0 AND 100 THEN CAST('0.1' AS DOUBLE) ELSE 0 END AS "health_present",
    -- whether a value is outside [0, 100]
    (COALESCE("productUsage" < 0 OR "productUsage" > 100, FALSE) OR COALESCE("engagement" < 0 OR "engagement" > 100, FALSE) OR COALESCE("outcomes" < 0 OR "outcomes" > 100, FALSE) OR COALESCE("relationship" < 0 OR "relationship" > 100, FALSE)) AS "health_invalid",
    -- whether a component is missing
    ("productUsage" IS NULL OR "engagement" IS NULL OR "outcomes" IS NULL OR "relationship" IS NULL) AS "health_any_missing"
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
  CASE WHEN "health_score" IS NULL THEN NULL WHEN "health_score" >= CAST('79.999999999' AS DOUBLE) THEN 'Healthy' WHEN "health_score" >= CAST('59.999999999' AS DOUBLE) THEN 'At Risk' WHEN "health_score" >= CAST('39.999999999' AS DOUBLE) THEN 'Unhealthy' ELSE 'Critical' END AS "health_band",
  CASE WHEN "health_score" IS NULL THEN NULL WHEN "health_score" >= CAST('79.999999999' AS DOUBLE) THEN 3 WHEN "health_score" >= CAST('59.999999999' AS DOUBLE) THEN 2 WHEN "health_score" >= CAST('39.999999999' AS DOUBLE) THEN 1 ELSE 0 END AS "health_band_rank",
  "health_coverage"
FROM "health_scores"
;
