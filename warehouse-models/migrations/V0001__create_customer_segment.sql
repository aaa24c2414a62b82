-- Current segment of every customer: one row per customer (the latest refresh written).
-- Types shared by all migrations, chosen to mean the same on DuckDB and PostgreSQL:
--   money (monetary, revenue, returns, cost) DECIMAL(18,2); scores, shares, bounds DOUBLE PRECISION;
--   timestamps TIMESTAMP holding UTC; labels (lifecycle_stage, arm) lower case; text VARCHAR
--   without a length (DuckDB ignores lengths, so a length would only fail on PostgreSQL).
CREATE TABLE customer_segment (
    customer_id        VARCHAR          NOT NULL,
    as_of              DATE             NOT NULL,
    recency_days       INTEGER,
    frequency          INTEGER          NOT NULL,
    monetary           DECIMAL(18, 2)   NOT NULL,
    r_score            INTEGER,
    f_score            INTEGER,
    m_score            INTEGER,
    rfm_cell           VARCHAR,
    composite_score    DOUBLE PRECISION,
    lifecycle_stage    VARCHAR          NOT NULL,
    high_return_rate   BOOLEAN          NOT NULL,
    single_channel     BOOLEAN          NOT NULL,
    discount_dependent BOOLEAN          NOT NULL,
    email_unengaged    BOOLEAN          NOT NULL,
    top_category       VARCHAR,
    top_category_share DOUBLE PRECISION,
    engagement_30d     INTEGER          NOT NULL,
    engagement_90d     INTEGER          NOT NULL,
    segment            VARCHAR          NOT NULL,
    strategy           VARCHAR,
    arm                VARCHAR,
    updated_at         TIMESTAMP        NOT NULL,
    CONSTRAINT customer_segment_pk PRIMARY KEY (customer_id)
);
