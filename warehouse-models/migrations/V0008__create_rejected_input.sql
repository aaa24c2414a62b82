-- Input rows that could not be used, with the reason: any number per run and source (no key;
-- a replayed run first deletes the rows of its run_id).
CREATE TABLE rejected_input (
    run_id   VARCHAR          NOT NULL,
    source   VARCHAR          NOT NULL,
    raw_text VARCHAR          NOT NULL,
    reason   VARCHAR          NOT NULL
);
CREATE INDEX rejected_input_run_id ON rejected_input (run_id);
