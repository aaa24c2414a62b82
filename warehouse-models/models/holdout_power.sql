-- grain: one row per program_id and segment at treatment time, plus one with segment 'ALL' per
-- program (the rows of holdout_lift)
-- Can each holdout see the lift it is there to measure? The minimum detectable effect (MDE) of the
-- row's arms at a two-sided alpha of 5 % and a power of 80 % (the two-proportion z-test of
-- holdout_lift; Cohen 1988, ch. 6; Fleiss, Levin and Paik 2003, ch. 4):
--   MDE = (z_0.975 + z_0.80) * se0 = 2.8015852 * se0, se0 the standard error under no effect of
--   _holdout_strata (segment rows: sqrt(p (1 - p) (1/n1 + 1/n2)), p both arms' pooled retention
--   rate; 'ALL' rows: the stratified sqrt(sum w_s^2 se0_s^2)).
-- A row is underpowered when its MDE exceeds its target lift (target_lift in strategies.yaml, kept
-- in segment_config; 0.05 for a segment without one; an 'ALL' row takes the smallest target of its
-- program's segments): a true lift of the target size would more often than not go unseen.
-- holdout_share_needed: the holdout share of the row's customers (n = n1 + n2, as now) at which the
--   MDE would equal the target: the smaller root h of h (1 - h) = Z^2 p (1 - p) / (n target^2),
--   Z = 2.8015852; NULL when not even a half-and-half split reaches the target (more customers are
--   needed) or when p is 0 or 1. 'ALL' rows use the program's pooled rate and total, unstratified.
-- columns:
-- program_id: the retention program (treatment.program_id)
-- segment: the segment at treatment time, or 'ALL' for the program
-- horizon_days: the outcome window in days after the treatment day
-- treated_customers, holdout_customers: customers in each arm, as in holdout_lift, a count
-- holdout_share: holdout_customers over both arms, a fraction 0-1
-- baseline_retention_rate: both arms' pooled retention rate, a fraction 0-1
-- minimum_detectable_lift: the MDE, in rate points as a fraction (0.07 = 7 points); NULL when
--   an arm is empty or every customer is at 0 % or 100 %
-- target_lift: the lift the holdout should be able to see, same unit
-- underpowered: true when minimum_detectable_lift > target_lift; NULL when the MDE is
-- holdout_share_needed: the holdout share at which the MDE equals the target, a fraction 0-1;
--   NULL when no share suffices at this size
-- detectable_at_any_share: false when not even a 50 % holdout of this many customers could see
--   the target
WITH rows_targeted AS (
    SELECT
        s.program_id,
        s.segment,
        s.horizon_days,
        s.treated_customers,
        s.holdout_customers,
        s.se0,
        CAST(s.treated_retained + s.holdout_retained AS DOUBLE PRECISION)
            / NULLIF(s.treated_customers + s.holdout_customers, 0) AS baseline,
        CASE WHEN s.segment <> 'ALL' THEN COALESCE(c.target_lift, 0.05) END AS segment_target
    FROM _holdout_strata s
    LEFT JOIN segment_config c ON c.segment = s.segment
),
targeted AS (
    SELECT
        r.*,
        COALESCE(r.segment_target,
                 MIN(r.segment_target) OVER (PARTITION BY r.program_id, r.horizon_days),
                 0.05) AS target_lift
    FROM rows_targeted r
),
sized AS (
    SELECT
        t.*,
        2.8015852181129683 * t.se0 AS mde,
        CASE WHEN t.baseline > 0 AND t.baseline < 1
             THEN (t.treated_customers + t.holdout_customers) * t.target_lift * t.target_lift
                  / (7.848879734349088 * t.baseline * (1 - t.baseline))
        END AS k
    FROM targeted t
)
SELECT
    program_id,
    segment,
    horizon_days,
    treated_customers,
    holdout_customers,
    CAST(holdout_customers AS DOUBLE PRECISION) / NULLIF(treated_customers + holdout_customers, 0) AS holdout_share,
    baseline AS baseline_retention_rate,
    mde AS minimum_detectable_lift,
    target_lift,
    CASE WHEN mde IS NOT NULL THEN mde > target_lift END AS underpowered,
    CASE WHEN k >= 4 THEN (1 - SQRT(1 - 4 / k)) / 2 END AS holdout_share_needed,
    CASE WHEN k IS NOT NULL THEN k >= 4 END AS detectable_at_any_share
FROM sized
