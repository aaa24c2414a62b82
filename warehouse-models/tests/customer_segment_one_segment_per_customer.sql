-- invariant: every customer is in exactly one segment (a key, and a segment that is never empty)
SELECT customer_id, COUNT(*) AS rows_of_customer
FROM customer_segment
GROUP BY customer_id
HAVING COUNT(*) <> 1 OR MIN(segment) IS NULL OR MIN(segment) = ''
