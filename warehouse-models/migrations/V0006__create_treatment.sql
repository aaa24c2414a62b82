-- Entries into retention programs: one row per program, customer and treatment time.
-- arm: 'treatment' or 'holdout'; segment: the customer's segment when treated (NULL if unknown);
-- source: 'always_on' for the pipeline's own programs, 'input' for rows read from files/topics.
CREATE TABLE treatment (
    program_id  VARCHAR          NOT NULL,
    customer_id VARCHAR          NOT NULL,
    treated_ts  TIMESTAMP        NOT NULL,
    arm         VARCHAR          NOT NULL,
    segment     VARCHAR,
    channel     VARCHAR,
    cost        DECIMAL(18, 2),
    source      VARCHAR          NOT NULL,
    CONSTRAINT treatment_pk PRIMARY KEY (program_id, customer_id, treated_ts)
);
