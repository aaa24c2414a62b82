-- Lead scoring (config/lead_scoring.yaml) and the per-customer facts that segment personas are
-- built from, on customer_segment and segment_snapshot alike (the two keep the same columns).
--   lead_score / lead_class: 0-100 and cold | warm | hot | sales_ready, for the customers that
--     lead_scoring.yaml scores (prospects by default); empty for the others
--   first_order_date: day of the first positive order ever (tenure); empty for a prospect
--   top_channel: the channel of most orders ever; empty when no order named a channel
--   discount_share: share of the positive orders ever that carried a discount
--   return_share: returns in the window as a share of the window's gross order value
--   top_engagement: the engagement event type with most events in the last 90 days
--   email_consent: the latest consent the customers input gave; empty when unknown
ALTER TABLE customer_segment ADD COLUMN lead_score INTEGER;
ALTER TABLE customer_segment ADD COLUMN lead_class VARCHAR;
ALTER TABLE customer_segment ADD COLUMN first_order_date DATE;
ALTER TABLE customer_segment ADD COLUMN top_channel VARCHAR;
ALTER TABLE customer_segment ADD COLUMN discount_share DOUBLE PRECISION;
ALTER TABLE customer_segment ADD COLUMN return_share DOUBLE PRECISION;
ALTER TABLE customer_segment ADD COLUMN top_engagement VARCHAR;
ALTER TABLE customer_segment ADD COLUMN email_consent BOOLEAN;
ALTER TABLE segment_snapshot ADD COLUMN lead_score INTEGER;
ALTER TABLE segment_snapshot ADD COLUMN lead_class VARCHAR;
ALTER TABLE segment_snapshot ADD COLUMN first_order_date DATE;
ALTER TABLE segment_snapshot ADD COLUMN top_channel VARCHAR;
ALTER TABLE segment_snapshot ADD COLUMN discount_share DOUBLE PRECISION;
ALTER TABLE segment_snapshot ADD COLUMN return_share DOUBLE PRECISION;
ALTER TABLE segment_snapshot ADD COLUMN top_engagement VARCHAR;
ALTER TABLE segment_snapshot ADD COLUMN email_consent BOOLEAN;
