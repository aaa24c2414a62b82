-- grain: one row per segment name any run's configuration has defined (from segment_config)
-- A dimension for BI tools, to sort and label segments as the report does: sort on report_order,
-- label with segment, strategy and description. Segment names live in config/ only: every column
-- comes from what the runs wrote of segments.yaml and strategies.yaml. The columns of the strategy
-- are NULL on a row no run has written since migration V0017.
-- columns:
-- segment: the segment name (segments.yaml)
-- in_config: the latest configuration written still defines the segment (a segment renamed or
--   removed since keeps its row, false here, so its history in segment_snapshot keeps a label)
-- report_order: the report's order, by strategy priority (1 = top) then name: 1, 2, ... over the
--   segments in_config; NULL for the others (the report lists those after, by customers)
-- segment_order: position of the segment's rule in segments.yaml, 1 first
-- engagement_rank: the segment's engagement_rank in segments.yaml
-- description: the segment's description in segments.yaml
-- priority: the strategy's priority, 1 = top
-- strategy: the strategy's name in strategies.yaml
-- objective, message, channel, cadence: the strategy's fields as strategies.yaml writes them
-- incentive_type: the strategy's incentive type (none when it has none)
-- incentive_depth_pct: incentive depth in percent of order value, 0-100 (percentage points, not a
--   fraction); 0 without incentive
-- incentive_cap: most incentive per contact, in the input's currency; 0 without incentive
-- high_touch: the strategy's high_touch flag
-- suppress: the strategy's suppress flag: its customers are not contacted
-- always_on: the strategy runs a program its customers enter
-- has_program: the strategy runs a program (always_on): its customers get an arm; when false,
--   customer_segment.arm and segment_snapshot.arm are NULL
-- program_id: the program its customers enter; NULL when has_program is false
-- holdout_share: share of the segment's customers held out of the program, a fraction 0-1
-- at_risk: the segment's window revenue counts as revenue at risk (at_risk in strategies.yaml)
-- updated_at: when a run last wrote the segment's row of segment_config (UTC timestamp)
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
