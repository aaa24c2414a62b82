-- explain: the customer's cluster at a kept refresh. One row, or none: the assignment of the model
-- given (the one the configuration places customers with), else of the model trained last.
SELECT a.cluster, a.label, a.distance, a.model_version
FROM cluster_assignment a
LEFT JOIN cluster_model m ON m.model_version = a.model_version
WHERE a.customer_id = ? AND a.as_of = CAST(? AS DATE)
ORDER BY CASE WHEN a.model_version = ? THEN 0 ELSE 1 END, m.trained_at DESC NULLS LAST, a.model_version DESC
LIMIT 1
