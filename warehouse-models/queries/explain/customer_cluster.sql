-- explain: the customer's cluster at a kept refresh, by the latest model trained. One row, or none.
SELECT a.cluster, a.label, a.distance, a.model_version
FROM cluster_assignment a
JOIN cluster_model m ON m.model_version = a.model_version
WHERE a.customer_id = ? AND a.as_of = CAST(? AS DATE)
ORDER BY m.trained_at DESC
LIMIT 1
