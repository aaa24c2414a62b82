-- Provenance: every row that depends on the configuration names the configuration that produced
-- it. config_version is the digest the pipeline already puts on the transitions topic and on
-- audience_export (the first 12 hex digits of the SHA-256 of pipeline.yaml, segments.yaml,
-- strategies.yaml and lead_scoring.yaml, and of the cluster model in clustering mode); the table
-- config_version keeps the texts of each digest once, so any figure can be traced to the rules and
-- strategies behind it. Empty on rows written before V0027 and on rows a command writes without a
-- configuration run (./segments cluster, predict).
CREATE TABLE config_version (
    config_version     VARCHAR   NOT NULL,
    pipeline_yaml      VARCHAR   NOT NULL,
    segments_yaml      VARCHAR   NOT NULL,
    strategies_yaml    VARCHAR   NOT NULL,
    lead_scoring_yaml  VARCHAR   NOT NULL,
    cluster_model_json VARCHAR,
    first_seen_at      TIMESTAMP NOT NULL,
    CONSTRAINT config_version_pk PRIMARY KEY (config_version)
);
ALTER TABLE customer_segment ADD COLUMN config_version VARCHAR;
ALTER TABLE segment_snapshot ADD COLUMN config_version VARCHAR;
ALTER TABLE segment_transition ADD COLUMN config_version VARCHAR;
ALTER TABLE score_boundary ADD COLUMN config_version VARCHAR;
ALTER TABLE treatment ADD COLUMN config_version VARCHAR;
ALTER TABLE refresh_run ADD COLUMN config_version VARCHAR;
ALTER TABLE segment_config ADD COLUMN config_version VARCHAR;
ALTER TABLE purchase_cycle ADD COLUMN config_version VARCHAR;
ALTER TABLE segment_criteria ADD COLUMN config_version VARCHAR;
COMMENT ON TABLE config_version IS 'The configurations runs were given: one row per configuration digest, with its texts, so that any row carrying a config_version can be traced to the rules and strategies that produced it.';
COMMENT ON COLUMN config_version.config_version IS 'The digest: the first 12 hex digits of the SHA-256 of the texts below (as config_version on the transitions topic and on audience_export)';
COMMENT ON COLUMN config_version.pipeline_yaml IS 'The text of pipeline.yaml (windows, scoring, refresh, flags)';
COMMENT ON COLUMN config_version.segments_yaml IS 'The text of segments.yaml (the segment rules)';
COMMENT ON COLUMN config_version.strategies_yaml IS 'The text of strategies.yaml (strategies, programs, holdouts)';
COMMENT ON COLUMN config_version.lead_scoring_yaml IS 'The text of lead_scoring.yaml (the built-in one when the configuration folder has none)';
COMMENT ON COLUMN config_version.cluster_model_json IS 'The cluster model (segmentation: clusters); empty in rules mode';
COMMENT ON COLUMN config_version.first_seen_at IS 'When a run first wrote this configuration (UTC timestamp)';
COMMENT ON COLUMN customer_segment.config_version IS 'The configuration that placed the customer (a digest; its texts in config_version); empty before V0027';
COMMENT ON COLUMN segment_snapshot.config_version IS 'The configuration that placed the customer (a digest; its texts in config_version); empty before V0027';
COMMENT ON COLUMN segment_transition.config_version IS 'The configuration of the refresh that moved the customer (a digest; its texts in config_version); empty before V0027';
COMMENT ON COLUMN score_boundary.config_version IS 'The configuration of the refresh (scoring method in pipeline.yaml; a digest, its texts in config_version); empty before V0027';
COMMENT ON COLUMN treatment.config_version IS 'The configuration of the run that wrote the row (for the pipeline''s own entries: the strategy that assigned them; a digest, its texts in config_version); empty before V0027';
COMMENT ON COLUMN refresh_run.config_version IS 'The configuration the run was given (a digest; its texts in config_version); empty before V0027';
COMMENT ON COLUMN segment_config.config_version IS 'The configuration that wrote the row (a digest; its texts in config_version); empty before V0027';
COMMENT ON COLUMN purchase_cycle.config_version IS 'The configuration of the refresh (lifecycle multiples in pipeline.yaml; a digest, its texts in config_version); empty before V0027';
COMMENT ON COLUMN segment_criteria.config_version IS 'The configuration whose rule the text gives (a digest; its texts in config_version); empty before V0027';
