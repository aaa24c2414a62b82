-- invariant: holdout_power has exactly the rows of holdout_lift, with the same arms; shares are
-- fractions 0-1 and a needed share is never above one half
SELECT p.program_id, p.segment FROM holdout_power p
GROUP BY p.program_id, p.segment, p.horizon_days HAVING COUNT(*) > 1
UNION ALL
SELECT l.program_id, l.segment FROM holdout_lift l
LEFT JOIN holdout_power p ON p.program_id = l.program_id AND p.segment = l.segment AND p.horizon_days = l.horizon_days
WHERE p.program_id IS NULL OR p.treated_customers <> l.treated_customers OR p.holdout_customers <> l.holdout_customers
UNION ALL
SELECT program_id, segment FROM holdout_power
WHERE holdout_share < 0 OR holdout_share > 1 OR holdout_share_needed <= 0 OR holdout_share_needed > 0.5
   OR minimum_detectable_lift < 0
