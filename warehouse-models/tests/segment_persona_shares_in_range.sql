-- Every share of segment_persona is between 0 and 1; the top categories and engagement types
-- are in descending order of share.
SELECT segment
FROM segment_persona
WHERE top_category_1_share NOT BETWEEN 0 AND 1
   OR top_channel_share NOT BETWEEN 0 AND 1
   OR top_engagement_1_share NOT BETWEEN 0 AND 1
   OR engaged_90d_share NOT BETWEEN 0 AND 1
   OR avg_discount_share NOT BETWEEN 0 AND 1
   OR email_consent_share + email_consent_unknown_share > 1 + 1e-9
   OR top_category_2_share > top_category_1_share
   OR top_category_3_share > top_category_2_share
   OR top_engagement_2_share > top_engagement_1_share
   OR COALESCE(lead_cold_share, 0) + COALESCE(lead_warm_share, 0) + COALESCE(lead_hot_share, 0)
      + COALESCE(lead_sales_ready_share, 0) > 1 + 1e-9
