-- grain: one row per model_version, as_of and cluster (from cluster_assignment, joined to the
-- segment_snapshot of the same customer and refresh for the raw values)
-- What each cluster of a clustering (./segments cluster) holds. Medians are continuous: the mean of
-- the two middle values for an even count.
-- columns:
-- model_version: the clustering model (cluster_model)
-- as_of: the refresh day (UTC) of the assignment
-- cluster: 0 the highest value; -1 PAMPER, -2 UPSELL, -3 DELIGHT (outlier groups)
-- label: the cluster's business label
-- customers: customers in the cluster, a count
-- customer_share: their share of the model's customers at that refresh, a fraction 0-1
-- revenue_share: the cluster's share of their monetary value (window), a fraction 0-1 (0 when they
--   have none)
-- avg_recency_days, median_recency_days: days since the last order
-- avg_frequency, median_frequency: orders in the rolling window
-- avg_monetary, median_monetary: window net revenue (floored at 0), in the input's currency
WITH members AS (
    SELECT
        a.model_version,
        a.as_of,
        a.cluster,
        a.label,
        CAST(s.recency_days AS DOUBLE PRECISION) AS recency_days,
        CAST(s.frequency AS DOUBLE PRECISION) AS frequency,
        CAST(s.monetary AS DOUBLE PRECISION) AS monetary
    FROM cluster_assignment a
    JOIN segment_snapshot s ON s.customer_id = a.customer_id AND s.as_of = a.as_of
),
totals AS (
    SELECT model_version, as_of, COUNT(*) AS customers, SUM(monetary) AS monetary
    FROM members
    GROUP BY model_version, as_of
)
SELECT
    m.model_version,
    m.as_of,
    m.cluster,
    m.label,
    COUNT(*) AS customers,
    CAST(COUNT(*) AS DOUBLE PRECISION) / MAX(t.customers) AS customer_share,
    CASE WHEN MAX(t.monetary) > 0 THEN SUM(m.monetary) / MAX(t.monetary) ELSE 0 END AS revenue_share,
    AVG(m.recency_days) AS avg_recency_days,
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY m.recency_days) AS median_recency_days,
    AVG(m.frequency) AS avg_frequency,
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY m.frequency) AS median_frequency,
    AVG(m.monetary) AS avg_monetary,
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY m.monetary) AS median_monetary
FROM members m
JOIN totals t ON t.model_version = m.model_version AND t.as_of = m.as_of
GROUP BY m.model_version, m.as_of, m.cluster, m.label
