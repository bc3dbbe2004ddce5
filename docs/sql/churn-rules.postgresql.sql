-- Churn risk by the rule-based assessor: 13 rules (usage-decline, severe-usage-decline, low-adoption, unresolved-high-priority-tickets, high-priority-ticket-spike, no-recent-contact, late-payment, no-recent-login, inactivity, support-escalation, champion-leaving, negative-feedback, renewal-at-risk); level policy 'highest-stated'.
-- risk = 1 - (1 - h) x product of (1 - r) over the factors fired, h = 0.5 x (100 - health) / 100; r = 0.05 low, 0.15 medium, 0.3 high, 0.5 critical.
-- As of the engine's CURRENT_DATE. Compiled by CustomerSuccess.Core. A signal out of its range, which the library refuses, gives no assessment.
WITH "churn_parts" AS (
  SELECT
    "id",
    "health_score",
    "renewal_date",
    "last_activity_date",
    "high_priority_tickets_last_30_days",
    -- usage-decline (high)
    COALESCE(-"usage_change_percent" > CAST('20' AS DOUBLE PRECISION), FALSE) AS "churn_fired_0",
    -- severe-usage-decline (high)
    COALESCE(-"usage_change_percent" > CAST('50' AS DOUBLE PRECISION), FALSE) AS "churn_fired_1",
    -- low-adoption (medium)
    COALESCE("feature_adoption_rate" < CAST('0.3' AS DOUBLE PRECISION), FALSE) AS "churn_fired_2",
    -- unresolved-high-priority-tickets (high)
    COALESCE("unresolved_high_priority_tickets" > 2, FALSE) AS "churn_fired_3",
    -- high-priority-ticket-spike (medium)
    COALESCE("high_priority_tickets_last_30_days" > 2, FALSE) AS "churn_fired_4",
    -- no-recent-contact (medium)
    COALESCE((CURRENT_DATE - "last_contact_date") > 30, FALSE) AS "churn_fired_5",
    -- late-payment (high)
    COALESCE("late_payments" > 0, FALSE) AS "churn_fired_6",
    -- no-recent-login (medium)
    COALESCE((CURRENT_DATE - "last_login_date") >= 7, FALSE) AS "churn_fired_7",
    -- inactivity (medium)
    COALESCE((CURRENT_DATE - "last_activity_date") > 14, FALSE) AS "churn_fired_8",
    -- support-escalation (high)
    COALESCE("open_escalations" > 0, FALSE) AS "churn_fired_9",
    -- champion-leaving (critical)
    COALESCE("champion_leaving" = TRUE, FALSE) AS "churn_fired_10",
    -- negative-feedback (medium)
    COALESCE("latest_nps_response" <= 6, FALSE) AS "churn_fired_11",
    -- renewal-at-risk (high)
    COALESCE(("health_score" < CAST('60' AS DOUBLE PRECISION) AND ("renewal_date" - CURRENT_DATE) < 90), FALSE) AS "churn_fired_12",
    -- whether a signal is out of its range
    (COALESCE(NOT ("usage_change_percent" >= CAST('-100' AS DOUBLE PRECISION) AND "usage_change_percent" <= CAST('1.7976931348623157E+308' AS DOUBLE PRECISION)), FALSE) OR COALESCE(NOT ("feature_adoption_rate" >= 0 AND "feature_adoption_rate" <= 1), FALSE) OR COALESCE(NOT ("health_score" >= 0 AND "health_score" <= 100), FALSE) OR COALESCE("latest_nps_response" < 0 OR "latest_nps_response" > 10, FALSE) OR COALESCE("unresolved_high_priority_tickets" < 0, FALSE) OR COALESCE("high_priority_tickets_last_30_days" < 0, FALSE) OR COALESCE("open_escalations" < 0, FALSE) OR COALESCE("late_payments" < 0, FALSE) OR COALESCE("last_contact_date" > CURRENT_DATE, FALSE) OR COALESCE("last_login_date" > CURRENT_DATE, FALSE) OR COALESCE("last_activity_date" > CURRENT_DATE, FALSE)) AS "churn_invalid"
  FROM "analytics"."customers"
),
"churn_scores" AS (
  SELECT
    "id",
    -- the factors most severe first, as the library multiplies them
    CASE WHEN "churn_invalid" THEN NULL ELSE LEAST(GREATEST(100 * (1 - (1 - CASE WHEN "health_score" IS NULL THEN 0 ELSE CAST('0.5' AS DOUBLE PRECISION) * (100 - "health_score") / 100 END) * CASE WHEN "churn_fired_10" THEN CAST('0.5' AS DOUBLE PRECISION) ELSE 1 END * CASE WHEN "churn_fired_0" THEN CAST('0.7' AS DOUBLE PRECISION) ELSE 1 END * CASE WHEN "churn_fired_1" THEN CAST('0.7' AS DOUBLE PRECISION) ELSE 1 END * CASE WHEN "churn_fired_3" THEN CAST('0.7' AS DOUBLE PRECISION) ELSE 1 END * CASE WHEN "churn_fired_6" THEN CAST('0.7' AS DOUBLE PRECISION) ELSE 1 END * CASE WHEN "churn_fired_9" THEN CAST('0.7' AS DOUBLE PRECISION) ELSE 1 END * CASE WHEN "churn_fired_12" THEN CAST('0.7' AS DOUBLE PRECISION) ELSE 1 END * CASE WHEN "churn_fired_2" THEN CAST('0.85' AS DOUBLE PRECISION) ELSE 1 END * CASE WHEN "churn_fired_4" THEN CAST('0.85' AS DOUBLE PRECISION) ELSE 1 END * CASE WHEN "churn_fired_5" THEN CAST('0.85' AS DOUBLE PRECISION) ELSE 1 END * CASE WHEN "churn_fired_7" THEN CAST('0.85' AS DOUBLE PRECISION) ELSE 1 END * CASE WHEN "churn_fired_8" THEN CAST('0.85' AS DOUBLE PRECISION) ELSE 1 END * CASE WHEN "churn_fired_11" THEN CAST('0.85' AS DOUBLE PRECISION) ELSE 1 END), 0), 100) END AS "churn_score",
    CASE WHEN "churn_invalid" THEN NULL ELSE CASE WHEN "churn_fired_0" THEN 1 ELSE 0 END + CASE WHEN "churn_fired_1" THEN 1 ELSE 0 END + CASE WHEN "churn_fired_2" THEN 1 ELSE 0 END + CASE WHEN "churn_fired_3" THEN 1 ELSE 0 END + CASE WHEN "churn_fired_4" THEN 1 ELSE 0 END + CASE WHEN "churn_fired_5" THEN 1 ELSE 0 END + CASE WHEN "churn_fired_6" THEN 1 ELSE 0 END + CASE WHEN "churn_fired_7" THEN 1 ELSE 0 END + CASE WHEN "churn_fired_8" THEN 1 ELSE 0 END + CASE WHEN "churn_fired_9" THEN 1 ELSE 0 END + CASE WHEN "churn_fired_10" THEN 1 ELSE 0 END + CASE WHEN "churn_fired_11" THEN 1 ELSE 0 END + CASE WHEN "churn_fired_12" THEN 1 ELSE 0 END END AS "churn_factors",
    CASE WHEN "churn_invalid" THEN NULL WHEN "churn_fired_10" THEN 'champion-leaving' WHEN "churn_fired_0" THEN 'usage-decline' WHEN "churn_fired_1" THEN 'severe-usage-decline' WHEN "churn_fired_3" THEN 'unresolved-high-priority-tickets' WHEN "churn_fired_6" THEN 'late-payment' WHEN "churn_fired_9" THEN 'support-escalation' WHEN "churn_fired_12" THEN 'renewal-at-risk' WHEN "churn_fired_2" THEN 'low-adoption' WHEN "churn_fired_4" THEN 'high-priority-ticket-spike' WHEN "churn_fired_5" THEN 'no-recent-contact' WHEN "churn_fired_7" THEN 'no-recent-login' WHEN "churn_fired_8" THEN 'inactivity' WHEN "churn_fired_11" THEN 'negative-feedback' ELSE NULL END AS "churn_top_factor",
    CASE WHEN "churn_invalid" THEN NULL ELSE GREATEST(CASE WHEN ("churn_fired_10") THEN 3 WHEN ("churn_fired_0" OR "churn_fired_1" OR "churn_fired_3" OR "churn_fired_6" OR "churn_fired_9" OR "churn_fired_12") THEN 2 WHEN ("churn_fired_2" OR "churn_fired_4" OR "churn_fired_5" OR "churn_fired_7" OR "churn_fired_8" OR "churn_fired_11") THEN 1 ELSE 0 END, CASE WHEN "health_score" < CAST('60' AS DOUBLE PRECISION) AND ("renewal_date" - CURRENT_DATE) < 90 THEN 2 WHEN (CURRENT_DATE - "last_activity_date") > 14 AND (CURRENT_DATE - "last_activity_date") <= 30 THEN 1 WHEN "high_priority_tickets_last_30_days" > 2 THEN 1 ELSE 0 END, CASE WHEN "health_score" IS NULL THEN 0 WHEN "health_score" < CAST('40' AS DOUBLE PRECISION) THEN 2 WHEN "health_score" < CAST('60' AS DOUBLE PRECISION) THEN 1 ELSE 0 END) END AS "churn_level_rank"
  FROM "churn_parts"
)
SELECT
  "id",
  "churn_score",
  CASE "churn_level_rank" WHEN 0 THEN 'Low' WHEN 1 THEN 'Medium' WHEN 2 THEN 'High' WHEN 3 THEN 'Critical' END AS "churn_level",
  "churn_level_rank",
  "churn_factors",
  "churn_top_factor"
FROM "churn_scores"
;
