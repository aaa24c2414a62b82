-- The purchase cycle of every refresh and the lifecycle thresholds it sets (pipeline.yaml
-- lifecycle: multiples of the cycle), so a reader sees in days what new, active, lapsing and
-- lapsed meant that day. One row per refresh (as_of).
--   cycle_days: the median over repeat customers of their median days between order days, or
--     purchase_cycle.default_days while fewer than min_repeat_customers have one (measured false)
--   repeat_customers: the customers with a gap between two order days
--   new_within_days: a first order at most this many days ago is new; active_within_days and
--     lapsing_within_days: the last order at most this many days ago is active, else lapsing;
--     older is lapsed
CREATE TABLE purchase_cycle (
    as_of               DATE             NOT NULL,
    cycle_days          DOUBLE PRECISION NOT NULL,
    measured            BOOLEAN          NOT NULL,
    repeat_customers    BIGINT           NOT NULL,
    new_within_days     DOUBLE PRECISION NOT NULL,
    active_within_days  DOUBLE PRECISION NOT NULL,
    lapsing_within_days DOUBLE PRECISION NOT NULL,
    updated_at          TIMESTAMP        NOT NULL,
    CONSTRAINT purchase_cycle_pk PRIMARY KEY (as_of)
);
