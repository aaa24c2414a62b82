-- Today's activity, live (issue 8, event-to-warehouse latency): one row per customer with a
-- record on a day still open (UTC) when it arrived: the orders and engagement of the newest such
-- day, so far. The row stays after its day closes, until the customer's next open day replaces
-- it: read activity_date. The continuous job
-- updates it within about a second of each accepted record, between checkpoints: the figures are
-- provisional, and a job restored from a checkpoint may briefly show an earlier count of the same
-- day before it catches up (a write never replaces a later count of the day, nor a later day).
-- Once the day closes (the watermark passes its midnight), activity_daily has its final row,
-- which may differ where the day's checks need the whole day: an order whose lines name two
-- customers is rejected as a whole then. Only days still open by the job's clock are live: a
-- replayed backlog writes no row here. Bounded runs write nothing.
CREATE TABLE activity_live (
    customer_id       VARCHAR        NOT NULL,
    activity_date     DATE           NOT NULL,
    orders            INTEGER        NOT NULL,
    return_orders     INTEGER        NOT NULL,
    revenue           DECIMAL(18, 2) NOT NULL,
    returns           DECIMAL(18, 2) NOT NULL,
    engagement_events INTEGER        NOT NULL,
    records           INTEGER        NOT NULL,
    last_event_at     TIMESTAMP      NOT NULL,
    updated_at        TIMESTAMP      NOT NULL,
    CONSTRAINT activity_live_pk PRIMARY KEY (customer_id)
);

COMMENT ON TABLE activity_live IS 'Today''s activity, live: one row per customer with a record on a day still open (UTC) when it arrived, the orders and engagement of the newest such day so far, updated by the continuous job within seconds of each record; provisional until the day closes and activity_daily has its final row (the row stays until the customer''s next open day: read activity_date).';
COMMENT ON COLUMN activity_live.customer_id IS 'The customer''s identifier, as in the input';
COMMENT ON COLUMN activity_live.activity_date IS 'The calendar day (UTC) the figures are of: the customer''s newest day with a record that arrived while the day was open';
COMMENT ON COLUMN activity_live.orders IS 'Orders with a positive amount so far that day, a count';
COMMENT ON COLUMN activity_live.return_orders IS 'Orders with a negative amount (returns, refunds) so far that day, a count';
COMMENT ON COLUMN activity_live.revenue IS 'Net amount of that day''s orders so far (positive less returns); money in the input''s currency';
COMMENT ON COLUMN activity_live.returns IS 'Absolute amount of that day''s negative orders so far; money in the input''s currency';
COMMENT ON COLUMN activity_live.engagement_events IS 'Engagement events so far that day, a count';
COMMENT ON COLUMN activity_live.records IS 'Accepted records counted so far that day (order lines and engagement events, each copy once), a count that only grows within a day';
COMMENT ON COLUMN activity_live.last_event_at IS 'The event time of the latest record counted (UTC timestamp)';
COMMENT ON COLUMN activity_live.updated_at IS 'When the job wrote the row (UTC timestamp)';
