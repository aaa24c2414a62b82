-- invariant: budget_allocation ranks no segment the strategy suppresses, none whose lift interval lies below
-- zero, none without a positive value per unit of cost; each ranked capacity is positive.
SELECT b.segment, b.funding_rank, b.lift_ci_high, b.value_per_cost, b.capacity
FROM budget_allocation b
JOIN segment_config c ON c.segment = b.segment
WHERE b.funding_rank IS NOT NULL
  AND (COALESCE(c.suppress, FALSE) OR b.lift_ci_high < 0 OR NOT b.value_per_cost > 0 OR NOT b.capacity > 0)
