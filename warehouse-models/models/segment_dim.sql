-- grain: one row per segment name any run's configuration has defined (from segment_config)
-- A dimension for BI tools, to sort and label segments as the report does. Segment names live in
-- config/ only: every column comes from what the runs wrote of segments.yaml and strategies.yaml.
-- in_config: the latest configuration written still defines the segment (a segment renamed or
--   removed since keeps its row, false here, so its history in segment_snapshot keeps a label)
-- report_order: the report's order, by strategy priority (1 = top) then name: 1, 2, ... over the
--   segments in_config; NULL for the others (the report lists those after, by customers)
-- segment_order, engagement_rank, description: the segment's rule in segments.yaml (1 first)
-- priority, strategy, objective, message, channel, cadence, incentive_*, high_touch, suppress,
--   always_on, holdout_share, at_risk: the segment's strategy in strategies.yaml
-- has_program: the strategy runs a program (always_on): its customers get an arm; program_id is
--   that program. When false, customer_segment.arm and segment_snapshot.arm are NULL.
-- The columns of the strategy are NULL on a row no run has written since migration V0017.
SELECT
    c.segment,
    COALESCE(c.in_config, FALSE) AS in_config,
    CASE WHEN COALESCE(c.in_config, FALSE)
        THEN ROW_NUMBER() OVER (PARTITION BY COALESCE(c.in_config, FALSE) ORDER BY c.priority, c.segment)
    END AS report_order,
    c.segment_order,
    c.engagement_rank,
    c.description,
    c.priority,
    c.strategy,
    c.objective,
    c.message,
    c.channel,
    c.cadence,
    c.incentive_type,
    c.incentive_depth_pct,
    c.incentive_cap,
    c.high_touch,
    c.suppress,
    c.always_on,
    COALESCE(c.always_on, FALSE) AS has_program,
    c.program_id,
    c.holdout_share,
    c.at_risk,
    c.updated_at
FROM segment_config c
