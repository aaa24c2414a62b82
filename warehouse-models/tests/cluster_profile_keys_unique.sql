-- invariant: cluster_profile has one row per model_version, as_of and cluster
SELECT model_version, as_of, cluster, COUNT(*) AS rows_of_key
FROM cluster_profile
GROUP BY model_version, as_of, cluster
HAVING COUNT(*) > 1
