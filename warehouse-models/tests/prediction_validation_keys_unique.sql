-- invariant: prediction_validation has one row per as_of and repeat_orders bucket, the summary one
-- per as_of, and the buckets count every customer of the summary once
SELECT as_of, repeat_orders FROM prediction_validation GROUP BY as_of, repeat_orders HAVING COUNT(*) > 1
UNION ALL
SELECT as_of, NULL FROM prediction_validation_summary GROUP BY as_of HAVING COUNT(*) > 1
UNION ALL
SELECT s.as_of, NULL
FROM prediction_validation_summary s
LEFT JOIN (SELECT as_of, SUM(customers) AS customers FROM prediction_validation GROUP BY as_of) v
    ON v.as_of = s.as_of
WHERE v.customers IS NULL OR v.customers <> s.customers OR s.auc_p_alive < 0 OR s.auc_p_alive > 1
