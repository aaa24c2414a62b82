-- report: the half-width of a 95 % interval for holdout_lift's incremental_revenue: one row per
-- program_id and segment of holdout_lift, 'ALL' included (holdout_lift has no interval for it).
-- From _holdout_entry, the same entries as holdout_lift (segment rows: first_in_segment; 'ALL':
-- first_in_program, stratified by the segment of that entry). With n1, n2 the arms' customers and
-- v1, v2 the sample variances of their revenue in the outcome window,
--   incremental_revenue = n1 (mean1 - mean2) has the standard error n1 sqrt(v1 / n1 + v2 / n2)
--   (Welch's, unequal variances); 'ALL': the strata are disjoint, so their variances add up over the
--   strata holdout_lift sums (both arms non-empty).
-- margin = 1.959964 * that standard error, a normal approximation: revenue is skewed (most customers
--   spend 0), so for small arms it is rough. NULL when an arm has fewer than 2 customers (no variance),
--   for 'ALL' when any stratum it sums has.
WITH scoped AS (
    SELECT 'segment' AS scope, program_id, segment, arm, CAST(revenue AS DOUBLE PRECISION) AS revenue
    FROM _holdout_entry
    WHERE first_in_segment
    UNION ALL
    SELECT 'stratum' AS scope, program_id, segment, arm, CAST(revenue AS DOUBLE PRECISION) AS revenue
    FROM _holdout_entry
    WHERE first_in_program
),
arms AS (
    SELECT
        scope,
        program_id,
        segment,
        COUNT(CASE WHEN arm = 'treatment' THEN 1 END) AS n1,
        COUNT(CASE WHEN arm = 'holdout' THEN 1 END) AS n2,
        VAR_SAMP(CASE WHEN arm = 'treatment' THEN revenue END) AS v1,
        VAR_SAMP(CASE WHEN arm = 'holdout' THEN revenue END) AS v2
    FROM scoped
    GROUP BY scope, program_id, segment
),
variances AS (
    SELECT
        scope,
        program_id,
        segment,
        n1 > 0 AND n2 > 0 AS summed,
        CAST(n1 AS DOUBLE PRECISION) * n1 * (v1 / NULLIF(n1, 0) + v2 / NULLIF(n2, 0)) AS variance
    FROM arms
)
SELECT program_id, segment, 1.959963984540054 * SQRT(variance) AS margin
FROM variances
WHERE scope = 'segment'
UNION ALL
SELECT
    program_id,
    'ALL' AS segment,
    CASE WHEN COUNT(CASE WHEN summed THEN 1 END) > 0
              AND COUNT(CASE WHEN summed AND variance IS NULL THEN 1 END) = 0
         THEN 1.959963984540054 * SQRT(SUM(CASE WHEN summed THEN variance END))
    END AS margin
FROM variances
WHERE scope = 'stratum'
GROUP BY program_id
