-- Each segment's rule in words a marketer reads, at every kept refresh: the scores of its rule and
-- what they meant in days, orders and money at that refresh's boundaries, e.g. "F 4-5 (4+ orders
-- in 365 days), M 4-5 (over $85.43 in 365 days), lifecycle active". segment_summary carries it as
-- criteria. One row per kept refresh (as_of) and segment of the configuration that run used.
CREATE TABLE segment_criteria (
    as_of      DATE      NOT NULL,
    segment    VARCHAR   NOT NULL,
    criteria   VARCHAR   NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT segment_criteria_pk PRIMARY KEY (as_of, segment)
);
