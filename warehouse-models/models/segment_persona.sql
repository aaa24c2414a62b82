-- grain: one row per segment at the latest as_of of customer_segment (the current refresh)
-- The measured half of each segment's persona card (the SEGMENTATION STRATEGY report puts it
-- beside the persona that segments.yaml writes: goals, pain points, messaging). From the
-- customers of customer_segment whose as_of is the latest one.
-- Shares are fractions 0-1 of all the segment's customers unless said otherwise; money in the
-- input's currency.
-- columns:
-- as_of: the current refresh day (the latest as_of of customer_segment)
-- segment: the segment
-- customers: customers in the segment, a count
-- customers_with_orders: those with an order in the window (frequency > 0), a count
-- median_recency_days: days since the last order, over the customers with an order ever
-- median_frequency: orders in the window, over all the segment's customers
-- avg_order_value: window net monetary / window orders, summed over the customers with orders; money
-- median_tenure_days: days from first_order_date to as_of, over the customers with a first order
-- top_category_1, top_category_2, top_category_3: the categories that are the top category of most
--   customers (ties: alphabetical first)
-- top_category_1_share, top_category_2_share, top_category_3_share: share of the segment's
--   customers whose top category it is, a fraction 0-1
-- top_channel: the channel that is the top channel of most customers
-- top_channel_share: share of the segment's customers whose top channel it is, a fraction 0-1
-- top_engagement_1, top_engagement_2: the event types that are the top engagement (most events in
--   90 days) of most customers
-- top_engagement_1_share, top_engagement_2_share: share of the segment's customers whose top
--   engagement it is, a fraction 0-1
-- engaged_90d_share: share with any engagement event in the last 90 days, a fraction 0-1
-- avg_discount_share: average share of a customer's orders ever with a discount, over the customers
--   with a first order, a fraction 0-1 (lifetime)
-- avg_return_share: average returns / gross order value in the window, over the customers with an
--   order in the window, a fraction 0-1
-- email_consent_share: share whose latest consent is yes, a fraction 0-1
-- email_consent_unknown_share: share with no consent given in the customers input, a fraction 0-1
-- lead_scored: customers with a lead class (prospects by default), a count
-- avg_lead_score: average lead score, 0-100 points
-- lead_cold_share, lead_warm_share, lead_hot_share, lead_sales_ready_share: share of the scored
--   customers in each lead class, a fraction 0-1 (NULL when none is scored)
-- top_country_1, top_country_2: the countries of most customers (customers input; ties:
--   alphabetical first)
-- top_country_1_share, top_country_2_share: share of the segment's customers in that country, a
--   fraction 0-1
WITH latest AS (
    SELECT MAX(as_of) AS as_of FROM customer_segment
),
current_rows AS (
    SELECT c.*
    FROM customer_segment c
    JOIN latest l ON c.as_of = l.as_of
),
base AS (
    SELECT
        as_of,
        segment,
        COUNT(*) AS customers,
        SUM(CASE WHEN frequency > 0 THEN 1 ELSE 0 END) AS customers_with_orders,
        PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CAST(recency_days AS DOUBLE PRECISION))
            AS median_recency_days,
        PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CAST(frequency AS DOUBLE PRECISION))
            AS median_frequency,
        CASE WHEN SUM(CASE WHEN frequency > 0 THEN frequency ELSE 0 END) > 0
             THEN CAST(SUM(CASE WHEN frequency > 0 THEN monetary ELSE 0 END) AS DOUBLE PRECISION)
                  / SUM(CASE WHEN frequency > 0 THEN frequency ELSE 0 END) END AS avg_order_value,
        PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CAST(as_of - first_order_date AS DOUBLE PRECISION))
            AS median_tenure_days,
        CAST(SUM(CASE WHEN engagement_90d > 0 THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / COUNT(*)
            AS engaged_90d_share,
        AVG(CASE WHEN first_order_date IS NOT NULL THEN discount_share END) AS avg_discount_share,
        AVG(CASE WHEN frequency > 0 THEN return_share END) AS avg_return_share,
        CAST(SUM(CASE WHEN email_consent THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / COUNT(*)
            AS email_consent_share,
        CAST(SUM(CASE WHEN email_consent IS NULL THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / COUNT(*)
            AS email_consent_unknown_share,
        SUM(CASE WHEN lead_class IS NOT NULL THEN 1 ELSE 0 END) AS lead_scored,
        AVG(CAST(lead_score AS DOUBLE PRECISION)) AS avg_lead_score,
        SUM(CASE WHEN lead_class = 'cold' THEN 1 ELSE 0 END) AS lead_cold,
        SUM(CASE WHEN lead_class = 'warm' THEN 1 ELSE 0 END) AS lead_warm,
        SUM(CASE WHEN lead_class = 'hot' THEN 1 ELSE 0 END) AS lead_hot,
        SUM(CASE WHEN lead_class = 'sales_ready' THEN 1 ELSE 0 END) AS lead_sales_ready
    FROM current_rows
    GROUP BY as_of, segment
),
categories AS (
    SELECT
        segment,
        top_category AS value,
        COUNT(*) AS customers,
        ROW_NUMBER() OVER (PARTITION BY segment ORDER BY COUNT(*) DESC, top_category) AS value_rank
    FROM current_rows
    WHERE top_category IS NOT NULL
    GROUP BY segment, top_category
),
channels AS (
    SELECT
        segment,
        top_channel AS value,
        COUNT(*) AS customers,
        ROW_NUMBER() OVER (PARTITION BY segment ORDER BY COUNT(*) DESC, top_channel) AS value_rank
    FROM current_rows
    WHERE top_channel IS NOT NULL
    GROUP BY segment, top_channel
),
countries AS (
    SELECT
        segment,
        country AS value,
        COUNT(*) AS customers,
        ROW_NUMBER() OVER (PARTITION BY segment ORDER BY COUNT(*) DESC, country) AS value_rank
    FROM current_rows
    WHERE country IS NOT NULL
    GROUP BY segment, country
),
engagements AS (
    SELECT
        segment,
        top_engagement AS value,
        COUNT(*) AS customers,
        ROW_NUMBER() OVER (PARTITION BY segment ORDER BY COUNT(*) DESC, top_engagement) AS value_rank
    FROM current_rows
    WHERE top_engagement IS NOT NULL
    GROUP BY segment, top_engagement
)
SELECT
    b.as_of,
    b.segment,
    b.customers,
    b.customers_with_orders,
    b.median_recency_days,
    b.median_frequency,
    b.avg_order_value,
    b.median_tenure_days,
    c1.value AS top_category_1,
    CAST(c1.customers AS DOUBLE PRECISION) / b.customers AS top_category_1_share,
    c2.value AS top_category_2,
    CAST(c2.customers AS DOUBLE PRECISION) / b.customers AS top_category_2_share,
    c3.value AS top_category_3,
    CAST(c3.customers AS DOUBLE PRECISION) / b.customers AS top_category_3_share,
    ch.value AS top_channel,
    CAST(ch.customers AS DOUBLE PRECISION) / b.customers AS top_channel_share,
    e1.value AS top_engagement_1,
    CAST(e1.customers AS DOUBLE PRECISION) / b.customers AS top_engagement_1_share,
    e2.value AS top_engagement_2,
    CAST(e2.customers AS DOUBLE PRECISION) / b.customers AS top_engagement_2_share,
    b.engaged_90d_share,
    b.avg_discount_share,
    b.avg_return_share,
    b.email_consent_share,
    b.email_consent_unknown_share,
    b.lead_scored,
    b.avg_lead_score,
    CASE WHEN b.lead_scored > 0 THEN CAST(b.lead_cold AS DOUBLE PRECISION) / b.lead_scored END AS lead_cold_share,
    CASE WHEN b.lead_scored > 0 THEN CAST(b.lead_warm AS DOUBLE PRECISION) / b.lead_scored END AS lead_warm_share,
    CASE WHEN b.lead_scored > 0 THEN CAST(b.lead_hot AS DOUBLE PRECISION) / b.lead_scored END AS lead_hot_share,
    CASE WHEN b.lead_scored > 0 THEN CAST(b.lead_sales_ready AS DOUBLE PRECISION) / b.lead_scored END
        AS lead_sales_ready_share,
    k1.value AS top_country_1,
    CAST(k1.customers AS DOUBLE PRECISION) / b.customers AS top_country_1_share,
    k2.value AS top_country_2,
    CAST(k2.customers AS DOUBLE PRECISION) / b.customers AS top_country_2_share
FROM base b
LEFT JOIN categories c1 ON c1.segment = b.segment AND c1.value_rank = 1
LEFT JOIN categories c2 ON c2.segment = b.segment AND c2.value_rank = 2
LEFT JOIN categories c3 ON c3.segment = b.segment AND c3.value_rank = 3
LEFT JOIN channels ch ON ch.segment = b.segment AND ch.value_rank = 1
LEFT JOIN engagements e1 ON e1.segment = b.segment AND e1.value_rank = 1
LEFT JOIN engagements e2 ON e2.segment = b.segment AND e2.value_rank = 2
LEFT JOIN countries k1 ON k1.segment = b.segment AND k1.value_rank = 1
LEFT JOIN countries k2 ON k2.segment = b.segment AND k2.value_rank = 2
