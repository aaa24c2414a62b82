-- invariant: customer shares sum to 1 on every as_of, and so do revenue shares where there is revenue
SELECT as_of, SUM(customer_share) AS customer_shares, SUM(revenue_share) AS revenue_shares
FROM segment_summary
GROUP BY as_of
HAVING ABS(SUM(customer_share) - 1) > 1e-9
    OR (SUM(revenue) > 0 AND ABS(SUM(revenue_share) - 1) > 1e-9)
