-- How the configuration defines each segment, for the models: one row per segment name, as the
-- latest run configured with it wrote it. Segment names live in config/ only: a model joins this
-- table instead of naming segments. A segment renamed or removed keeps its row, so its history
-- in segment_snapshot keeps its meaning.
--   at_risk: the segment's window revenue is revenue at risk (at_risk in strategies.yaml)
CREATE TABLE segment_config (
    segment    VARCHAR   NOT NULL,
    at_risk    BOOLEAN   NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT segment_config_pk PRIMARY KEY (segment)
);
