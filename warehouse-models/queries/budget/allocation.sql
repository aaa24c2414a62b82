-- budget: a budget spent down budget_allocation's ranking, with today's spread. Binds: the period
-- in days (today's spread: the treatment arm's cost of the entries in the period days up to the
-- latest refresh, customer_segment's as_of; rows from the treatments input or of a program
-- holdout_lift finds delivered: an assignment nobody sent costs nothing), then the amount (money per period;
-- NULL: today's spread itself, reallocated, so the report reads it in one statement). Greedy: each
-- fundable segment in funding_rank order gets min(capacity, what the segments before it left).
-- One row per segment of budget_allocation, fundable first in rank order.
WITH refresh AS (
    SELECT MAX(as_of) AS as_of FROM customer_segment
),
spread AS (
    SELECT t.segment, SUM(COALESCE(t.cost, 0)) AS today_cost, COUNT(DISTINCT t.customer_id) AS today_customers
    FROM treatment t CROSS JOIN refresh r
    WHERE t.arm = 'treatment'
      AND (t.source = 'input'
           OR t.program_id IN (SELECT program_id FROM holdout_lift WHERE measured_as = 'delivered'))
      AND CAST(t.treated_ts AS DATE) > r.as_of - CAST(? AS INTEGER)
      AND CAST(t.treated_ts AS DATE) <= r.as_of
    GROUP BY t.segment
),
allocated AS (
    SELECT b.*,
        CASE WHEN b.funding_rank IS NOT NULL
             THEN GREATEST(0.0, LEAST(b.capacity, COALESCE(CAST(? AS DOUBLE PRECISION),
                 CAST((SELECT SUM(today_cost) FROM spread) AS DOUBLE PRECISION), 0.0)
                 - (b.cumulative_capacity - b.capacity)))
             ELSE 0.0
        END AS allocated
    FROM budget_allocation b
)
SELECT a.segment, a.program_id, a.reason, a.funding_rank, a.shrunk_lift, a.shrunk_lift_se, a.shrunk_lift_ci_low,
    a.shrunk_lift_ci_high, a.lift, a.lift_ci_low, a.lift_ci_high, a.shrinkage, a.pooled_lift,
    a.revenue_per_retained, a.cost_per_customer, a.value_per_cost, a.current_customers, a.capacity, a.allocated,
    COALESCE(s.today_cost, 0) AS today_cost, COALESCE(s.today_customers, 0) AS today_customers
FROM allocated a
LEFT JOIN spread s ON s.segment = a.segment
ORDER BY CASE WHEN a.funding_rank IS NULL THEN 1 ELSE 0 END, a.funding_rank, a.segment
