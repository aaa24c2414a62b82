-- target_lift: the smallest lift in retention the segment's holdout should be able to see, a
-- fraction (0.05 = 5 points; target_lift in strategies.yaml); view holdout_power compares it with
-- the minimum detectable effect. Empty on rows written before it existed.
ALTER TABLE segment_config ADD COLUMN target_lift DOUBLE PRECISION;
COMMENT ON COLUMN segment_config.target_lift IS 'The smallest lift in retention the holdout should see, a fraction (0.05 = 5 points; target_lift in strategies.yaml); empty on rows written before it existed';
