-- Health score by the model '40-30-20-10-adoption': productAdoption × 0.4, engagement × 0.3, sentiment × 0.2, businessOutcomes × 0.1.
-- Missing data: the weights renormalized over the components present; no score below a coverage of 0.5.
-- Bands (seed-001): Green from 80, Yellow from 60, Red below.
-- Compiled by CustomerSuccess.Core. A value outside [0, 100], which the library refuses, gives no score.
WITH `health_parts` AS (
  SELECT
    `id`,
    -- the weighted sum of the components present, in the model's order
    CASE WHEN `productAdoption` BETWEEN 0 AND 100 THEN CAST('0.4' AS DOUBLE) * `productAdoption` ELSE 0 END
      + CASE WHEN `engagement` BETWEEN 0 AND 100 THEN CAST('0.3' AS DOUBLE) * `engagement` ELSE 0 END
      + CASE WHEN `sentiment` BETWEEN 0 AND 100 THEN CAST('0.2' AS DOUBLE) * `sentiment` ELSE 0 END
      + CASE WHEN `businessOutcomes` BETWEEN 0 AND 100 THEN CAST('0.1' AS DOUBLE) * `businessOutcomes` ELSE 0 END AS `health_weighted`,
    -- the weight of the components present
    CASE WHEN `productAdoption` BETWEEN 0 AND 100 THEN CAST('0.4' AS DOUBLE) ELSE 0 END
      + CASE WHEN `engagement` BETWEEN 0 AND 100 THEN CAST('0.3' AS DOUBLE) ELSE 0 END
      + CASE WHEN `sentiment` BETWEEN 0 AND 100 THEN CAST('0.2' AS DOUBLE) ELSE 0 END
      + CASE WHEN `businessOutcomes` BETWEEN 0 AND 100 THEN CAST('0.1' AS DOUBLE) ELSE 0 END AS `health_present`,
    -- whether a value is outside [0, 100]
    (COALESCE(`productAdoption` < 0 OR `productAdoption` > 100, FALSE) OR COALESCE(`engagement` < 0 OR `engagement` > 100, FALSE) OR COALESCE(`sentiment` < 0 OR `sentiment` > 100, FALSE) OR COALESCE(`businessOutcomes` < 0 OR `businessOutcomes` > 100, FALSE)) AS `health_invalid`,
    -- whether a component is missing
    (`productAdoption` IS NULL OR `engagement` IS NULL OR `sentiment` IS NULL OR `businessOutcomes` IS NULL) AS `health_any_missing`
  FROM `analytics`.`customers`
),
`health_scores` AS (
  SELECT
    `id`,
    CASE WHEN `health_invalid` OR `health_present` <= 0 OR `health_present` / CAST('0.9999999999999999' AS DOUBLE) < CAST('0.499999999' AS DOUBLE) THEN NULL ELSE LEAST(GREATEST(`health_weighted` / `health_present`, 0), 100) END AS `health_score`,
    CASE WHEN `health_invalid` THEN NULL ELSE LEAST(`health_present` / CAST('0.9999999999999999' AS DOUBLE), 1) END AS `health_coverage`
  FROM `health_parts`
)
-- a band from its lower bound less 1e-9, as the library compares
SELECT
  `id`,
  `health_score`,
  CASE WHEN `health_score` IS NULL THEN NULL WHEN `health_score` >= CAST('79.999999999' AS DOUBLE) THEN 'Green' WHEN `health_score` >= CAST('59.999999999' AS DOUBLE) THEN 'Yellow' ELSE 'Red' END AS `health_band`,
  CASE WHEN `health_score` IS NULL THEN NULL WHEN `health_score` >= CAST('79.999999999' AS DOUBLE) THEN 2 WHEN `health_score` >= CAST('59.999999999' AS DOUBLE) THEN 1 ELSE 0 END AS `health_band_rank`,
  `health_coverage`
FROM `health_scores`
;
