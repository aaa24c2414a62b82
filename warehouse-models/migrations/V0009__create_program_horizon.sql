-- Observation horizon of a retention program for holdout_lift: one row per program.
-- Programs without a row use 60 days. Maintained by analysts, not by the pipeline.
CREATE TABLE program_horizon (
    program_id   VARCHAR          NOT NULL,
    horizon_days INTEGER          NOT NULL,
    CONSTRAINT program_horizon_pk PRIMARY KEY (program_id),
    CONSTRAINT program_horizon_positive CHECK (horizon_days > 0)
);
