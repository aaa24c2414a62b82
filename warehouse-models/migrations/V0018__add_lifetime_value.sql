-- Lifetime value beside the window's, on customer_segment and segment_snapshot alike: a big
-- spender who has gone quiet keeps a high lifetime score after the window has emptied, so rules
-- (lifetime_f, lifetime_m in segments.yaml) can keep such customers out of suppressed segments.
--   lifetime_orders: positive orders ever (frequency counts the window only)
--   lifetime_revenue: net amount ever (orders less returns; may be negative)
--   peak_window_value: the highest window monetary value the customer ever had, up to as_of
--   lifetime_f_score, lifetime_m_score: 1-5 against the refresh's boundaries of lifetime_frequency
--     and lifetime_monetary in score_boundary (lifetime_revenue floored at 0); empty for a prospect
ALTER TABLE customer_segment ADD COLUMN lifetime_orders INTEGER;
ALTER TABLE customer_segment ADD COLUMN lifetime_revenue DECIMAL(18,2);
ALTER TABLE customer_segment ADD COLUMN peak_window_value DECIMAL(18,2);
ALTER TABLE customer_segment ADD COLUMN lifetime_f_score INTEGER;
ALTER TABLE customer_segment ADD COLUMN lifetime_m_score INTEGER;
ALTER TABLE segment_snapshot ADD COLUMN lifetime_orders INTEGER;
ALTER TABLE segment_snapshot ADD COLUMN lifetime_revenue DECIMAL(18,2);
ALTER TABLE segment_snapshot ADD COLUMN peak_window_value DECIMAL(18,2);
ALTER TABLE segment_snapshot ADD COLUMN lifetime_f_score INTEGER;
ALTER TABLE segment_snapshot ADD COLUMN lifetime_m_score INTEGER;
