-- explain: the kept refreshes holding the customer nearest to a day without one: one row, the last
-- before the day and the first after it (either empty when there is none).
SELECT
    (SELECT max(as_of) FROM segment_snapshot WHERE customer_id = ? AND as_of < CAST(? AS DATE)) AS before_day,
    (SELECT min(as_of) FROM segment_snapshot WHERE customer_id = ? AND as_of > CAST(? AS DATE)) AS after_day
