-- The warehouse models (the views of warehouse-models/models) last applied to this warehouse, as
-- a fingerprint of their files: a run creates the views again only when the models it carries
-- differ from those applied, when a view is missing, or when its opening migrated the warehouse.
-- One row; `./segments models apply` and a run that applies the models replace it.
CREATE TABLE model_apply (
    models_fingerprint VARCHAR   NOT NULL,
    views              INTEGER   NOT NULL,
    applied_at         TIMESTAMP NOT NULL,
    CONSTRAINT model_apply_pk PRIMARY KEY (models_fingerprint)
);

COMMENT ON TABLE model_apply IS 'The warehouse models (views) last applied: one row with a fingerprint of their files, so that a run creates the views again only when the models changed, a view is missing or a migration ran';
COMMENT ON COLUMN model_apply.models_fingerprint IS 'SHA-256 of the applied model files (view names and their SQL, in creation order), hexadecimal';
COMMENT ON COLUMN model_apply.views IS 'How many views the apply created, a count';
COMMENT ON COLUMN model_apply.applied_at IS 'When the views were created (UTC timestamp)';
