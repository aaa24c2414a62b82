-- Score tiers used at each refresh: one row per as_of, dimension (recency, frequency, monetary)
-- and score. lower_bound is NULL for the lowest bucket, upper_bound for the highest.
CREATE TABLE score_boundary (
    as_of       DATE             NOT NULL,
    dimension   VARCHAR          NOT NULL,
    score       INTEGER          NOT NULL,
    method      VARCHAR          NOT NULL,
    lower_bound DOUBLE PRECISION,
    upper_bound DOUBLE PRECISION,
    customers   BIGINT           NOT NULL,
    CONSTRAINT score_boundary_pk PRIMARY KEY (as_of, dimension, score)
);
