-- Accounting of each input of each run: one row per run and source.
-- read_rows = accepted + rejected + duplicates; customers: customers segmented at the end.
CREATE TABLE refresh_run (
    run_id      VARCHAR          NOT NULL,
    source      VARCHAR          NOT NULL,
    started_at  TIMESTAMP        NOT NULL,
    finished_at TIMESTAMP,
    as_of       DATE,
    read_rows   BIGINT           NOT NULL,
    accepted    BIGINT           NOT NULL,
    rejected    BIGINT           NOT NULL,
    duplicates  BIGINT           NOT NULL,
    customers   BIGINT           NOT NULL,
    CONSTRAINT refresh_run_pk PRIMARY KEY (run_id, source)
);
