-- grain: one row per segment the latest configuration defines (segment_config.in_config)
-- Is each segment worth acting on? The five criteria of seed 001 section 7 (segment validation):
-- size: its current customers (customer_segment) against min_segment_size (strategies.yaml,
--   1000 by default, the seed's "1000+ per segment"; rows written before V0028: 1000).
-- measurable: a figure tracks it: a measured lift with an interval (a segment row of holdout_lift of a
--   delivered program,
--   the CTE lifted) or a later-retention figure (score_validation's segment rows).
-- accessible: the share of its customers reachable through a known channel with known consent:
--   email (an email hash, consent given, never unsubscribed; unknown consent does not count here,
--   unlike the audience view, which sends to it) or phone (a phone hash). Accessible when at least
--   half are; multi-channel when some customers are reachable by both.
-- differentiable: its later retention (90 days after the latest validated snapshot) differs from
--   each neighbour's by engagement_rank: every neighbour's 95 % interval of the difference
--   (Newcombe 1998, method 10; see _segment_neighbours) excludes 0. NULL when it has no
--   validated row.
-- actionable: it has a strategy with a channel, and either it is contacted or the strategy
--   suppresses it on purpose (suppress in strategies.yaml: spending nothing is the action);
--   strategy_unique: no other configured segment shares the strategy (the seed's ideal).
-- columns:
-- segment: the segment (labels and order in segment_dim)
-- strategy: the segment's strategy (strategies.yaml); NULL when none was written
-- customers: current customers in the segment, a count
-- min_segment_size: the fewest customers it should hold, a count
-- size_ok: customers >= min_segment_size
-- has_lift: a segment row of holdout_lift with a lift interval exists
-- has_validation: score_validation has a later-retention row for the segment
-- measurable: has_lift or has_validation
-- email_reachable_share, phone_reachable_share, reachable_share: the customers reachable by email,
--   by phone, by either, over customers, fractions 0-1 (NULL without customers)
-- multi_channel: some customers are reachable by both email and phone
-- accessible: reachable_share >= 0.5
-- validated_as_of: the snapshot of the retention comparison (UTC day); NULL when none
-- retention_rate: the share who ordered again within 90 days of it, a fraction 0-1
-- lower_segment, upper_segment: the neighbours by engagement_rank; NULL at an end
-- lower_difference, lower_difference_ci_low, lower_difference_ci_high: retention_rate minus the
--   lower neighbour's and its 95 % interval, in rate points as a fraction (0.07 = 7 points)
-- upper_difference, upper_difference_ci_low, upper_difference_ci_high: the same for the upper one
-- differentiable: every neighbour's interval excludes 0; NULL without a validated row
-- suppressed: the strategy suppresses the segment (deliberately not contacted)
-- actionable: a strategy with a channel, contacted or suppressed on purpose
-- strategy_unique: no other configured segment has the same strategy
-- criteria_met: how many of size_ok, measurable, accessible, differentiable, actionable hold, 0-5
WITH config AS (
    SELECT * FROM segment_config WHERE COALESCE(in_config, FALSE)
),
members AS (
    SELECT
        segment,
        COUNT(*) AS customers,
        SUM(CASE WHEN email_sha256 IS NOT NULL AND email_consent AND NOT COALESCE(email_unsubscribed, FALSE)
                 THEN 1 ELSE 0 END) AS email_reachable,
        SUM(CASE WHEN phone_sha256 IS NOT NULL THEN 1 ELSE 0 END) AS phone_reachable,
        SUM(CASE WHEN (email_sha256 IS NOT NULL AND email_consent AND NOT COALESCE(email_unsubscribed, FALSE))
                   OR phone_sha256 IS NOT NULL THEN 1 ELSE 0 END) AS reachable,
        SUM(CASE WHEN email_sha256 IS NOT NULL AND email_consent AND NOT COALESCE(email_unsubscribed, FALSE)
                  AND phone_sha256 IS NOT NULL THEN 1 ELSE 0 END) AS both_reachable
    FROM customer_segment
    GROUP BY segment
),
lifted AS (
    SELECT DISTINCT segment FROM holdout_lift
    WHERE segment <> 'ALL' AND measured_as = 'delivered' AND lift_ci_low IS NOT NULL
),
validated AS (
    -- the segments of score_validation's segment rows, read from the trials they group (one
    -- score_validation fewer for PostgreSQL to plan: _segment_neighbours reads it already)
    SELECT DISTINCT segment FROM _score_validation_trials
),
shared AS (
    SELECT strategy, COUNT(*) AS segments FROM config WHERE strategy IS NOT NULL GROUP BY strategy
),
judged AS (
    SELECT
        c.segment, c.strategy,
        COALESCE(m.customers, 0) AS customers,
        COALESCE(c.min_segment_size, 1000) AS min_segment_size,
        l.segment IS NOT NULL AS has_lift,
        v.segment IS NOT NULL AS has_validation,
        CAST(m.email_reachable AS DOUBLE PRECISION) / NULLIF(m.customers, 0) AS email_reachable_share,
        CAST(m.phone_reachable AS DOUBLE PRECISION) / NULLIF(m.customers, 0) AS phone_reachable_share,
        CAST(m.reachable AS DOUBLE PRECISION) / NULLIF(m.customers, 0) AS reachable_share,
        COALESCE(m.both_reachable, 0) > 0 AS multi_channel,
        n.as_of AS validated_as_of, n.retention_rate,
        n.lower_segment, n.lower_difference, n.lower_difference_ci_low, n.lower_difference_ci_high,
        n.upper_segment, n.upper_difference, n.upper_difference_ci_low, n.upper_difference_ci_high,
        CASE WHEN n.segment IS NOT NULL
             THEN (n.lower_segment IS NULL OR n.lower_difference_ci_low > 0 OR n.lower_difference_ci_high < 0)
              AND (n.upper_segment IS NULL OR n.upper_difference_ci_low > 0 OR n.upper_difference_ci_high < 0)
        END AS differentiable,
        COALESCE(c.suppress, FALSE) AS suppressed,
        c.strategy IS NOT NULL AND c.channel IS NOT NULL AS actionable,
        COALESCE(s.segments, 0) = 1 AS strategy_unique
    FROM config c
    LEFT JOIN members m ON m.segment = c.segment
    LEFT JOIN lifted l ON l.segment = c.segment
    LEFT JOIN validated v ON v.segment = c.segment
    LEFT JOIN _segment_neighbours n ON n.segment = c.segment
    LEFT JOIN shared s ON s.strategy = c.strategy
)
SELECT
    j.*,
    j.customers >= j.min_segment_size AS size_ok,
    j.has_lift OR j.has_validation AS measurable,
    COALESCE(j.reachable_share >= 0.5, FALSE) AS accessible,
    CASE WHEN j.customers >= j.min_segment_size THEN 1 ELSE 0 END
        + CASE WHEN j.has_lift OR j.has_validation THEN 1 ELSE 0 END
        + CASE WHEN j.reachable_share >= 0.5 THEN 1 ELSE 0 END
        + CASE WHEN j.differentiable THEN 1 ELSE 0 END
        + CASE WHEN j.actionable THEN 1 ELSE 0 END AS criteria_met
FROM judged j
