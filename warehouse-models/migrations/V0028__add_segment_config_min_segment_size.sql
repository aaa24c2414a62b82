-- min_segment_size: the fewest customers a segment should hold to be worth a strategy of its own
-- (min_segment_size in strategies.yaml, 1000 by default: seed 001 section 7, "1000+ per segment");
-- view segment_validation compares the segment's current customers with it. Empty on rows written
-- before it existed.
ALTER TABLE segment_config ADD COLUMN min_segment_size INTEGER;
COMMENT ON COLUMN segment_config.min_segment_size IS 'The fewest customers the segment should hold (min_segment_size in strategies.yaml, 1000 by default); empty on rows written before it existed';
