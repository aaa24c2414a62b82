-- Customer activity per calendar day (UTC): one row per customer and day with any activity.
-- orders / revenue: positive orders and net amount of all orders; return_orders / returns: the
-- negative ones (returns is their absolute amount).
CREATE TABLE activity_daily (
    customer_id       VARCHAR          NOT NULL,
    activity_date     DATE             NOT NULL,
    orders            INTEGER          NOT NULL,
    return_orders     INTEGER          NOT NULL,
    revenue           DECIMAL(18, 2)   NOT NULL,
    returns           DECIMAL(18, 2)   NOT NULL,
    engagement_events INTEGER          NOT NULL,
    CONSTRAINT activity_daily_pk PRIMARY KEY (customer_id, activity_date)
);
