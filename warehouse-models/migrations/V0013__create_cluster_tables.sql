-- Clustering mode (./segments cluster): each trained model, the diagnostics that chose its k, and
-- which cluster each customer is in at a refresh. model_version is a hash of the model's content
-- (the same customers and settings give the same version).
-- cluster_model: one row per model; model_json is the whole model (scaler, outlier thresholds,
-- centroids, labels), the same text as the model file; as_of the refresh it was trained on;
-- input_rows customers read, clustered_rows those clustered, outlier_rows those put in an
-- outlier group (PAMPER, UPSELL, DELIGHT) instead.
CREATE TABLE cluster_model (
    model_version  VARCHAR   NOT NULL,
    trained_at     TIMESTAMP NOT NULL,
    as_of          DATE      NOT NULL,
    k              INTEGER   NOT NULL,
    input_rows     BIGINT    NOT NULL,
    clustered_rows BIGINT    NOT NULL,
    outlier_rows   BIGINT    NOT NULL,
    chosen_by      VARCHAR   NOT NULL,
    model_json     VARCHAR   NOT NULL,
    CONSTRAINT cluster_model_pk PRIMARY KEY (model_version)
);

-- cluster_diagnostics: one row per model and k tried: inertia (sum of squared distances to the
-- nearest centroid, standardised space; the elbow) and fit_customers, the customers K-Means ran on
-- (all of them up to the scan sample, a seeded sample above); mean silhouette and
-- silhouette_customers, the customers it was computed on (likewise, up to its own sample size).
CREATE TABLE cluster_diagnostics (
    model_version        VARCHAR          NOT NULL,
    k                    INTEGER          NOT NULL,
    inertia              DOUBLE PRECISION NOT NULL,
    fit_customers        BIGINT           NOT NULL,
    silhouette           DOUBLE PRECISION NOT NULL,
    silhouette_customers BIGINT           NOT NULL,
    chosen               BOOLEAN          NOT NULL,
    CONSTRAINT cluster_diagnostics_pk PRIMARY KEY (model_version, k)
);

-- cluster_assignment: one row per model, refresh and customer: the cluster number (0 the highest
-- value; -1 PAMPER, -2 UPSELL, -3 DELIGHT), its label, and the distance to the centroid in the
-- standardised space (NULL for an outlier group).
CREATE TABLE cluster_assignment (
    model_version VARCHAR          NOT NULL,
    as_of         DATE             NOT NULL,
    customer_id   VARCHAR          NOT NULL,
    cluster       INTEGER          NOT NULL,
    label         VARCHAR          NOT NULL,
    distance      DOUBLE PRECISION,
    updated_at    TIMESTAMP        NOT NULL,
    CONSTRAINT cluster_assignment_pk PRIMARY KEY (model_version, as_of, customer_id)
);
