-- What BI tools need to sort and label segments as the report does, on segment_config: each run
-- writes them for every segment of its configuration (segments.yaml and strategies.yaml). The
-- view segment_dim gives them with the report's order.
--   segment_order: position of the segment's rule in segments.yaml, 1 first
--   engagement_rank, description: the segment's engagement_rank and description in segments.yaml
--   priority: the strategy's priority (1 = top; the report lists segments by it)
--   strategy: the strategy's name (customer_segment.strategy); objective, message, channel,
--     cadence: the strategy's fields as strategies.yaml writes them
--   incentive_type, incentive_depth_pct, incentive_cap: the strategy's incentive (none, 0, 0
--     when it has none)
--   high_touch, suppress, always_on, holdout_share: the strategy's flags and holdout share
--   program_id: the program its customers enter (always_on); empty when always_on is false: such
--     a segment runs no program and its customers' arm is empty
--   in_config: whether the latest configuration written still defines the segment (false for a
--     segment renamed or removed since)
-- Rows written before V0017 keep these empty until the next run writes its configuration.
ALTER TABLE segment_config ADD COLUMN segment_order INTEGER;
ALTER TABLE segment_config ADD COLUMN engagement_rank INTEGER;
ALTER TABLE segment_config ADD COLUMN description VARCHAR;
ALTER TABLE segment_config ADD COLUMN priority INTEGER;
ALTER TABLE segment_config ADD COLUMN strategy VARCHAR;
ALTER TABLE segment_config ADD COLUMN objective VARCHAR;
ALTER TABLE segment_config ADD COLUMN message VARCHAR;
ALTER TABLE segment_config ADD COLUMN channel VARCHAR;
ALTER TABLE segment_config ADD COLUMN cadence VARCHAR;
ALTER TABLE segment_config ADD COLUMN incentive_type VARCHAR;
ALTER TABLE segment_config ADD COLUMN incentive_depth_pct DOUBLE PRECISION;
ALTER TABLE segment_config ADD COLUMN incentive_cap DECIMAL(18,2);
ALTER TABLE segment_config ADD COLUMN high_touch BOOLEAN;
ALTER TABLE segment_config ADD COLUMN suppress BOOLEAN;
ALTER TABLE segment_config ADD COLUMN always_on BOOLEAN;
ALTER TABLE segment_config ADD COLUMN program_id VARCHAR;
ALTER TABLE segment_config ADD COLUMN holdout_share DOUBLE PRECISION;
ALTER TABLE segment_config ADD COLUMN in_config BOOLEAN;
