-- grain: one row per treatment row (program_id, customer_id, treated_ts) counted (see Delivered) whose
-- horizon has ended
-- Helper of holdout_lift (applied before it). An always-on program enters a customer again each
-- time they enter a segment, and those entries share the customer (and often overlapping outcome
-- windows): they are not independent trials. So each entry carries two flags, and holdout_lift
-- counts each customer once per row:
--   first_in_program: the customer's first entry in the program (the 'ALL' row);
--   first_in_segment: the customer's first entry in the program while in that segment (its row).
-- Both are decided over every entry, ended or not: a customer whose first entry is still open is
-- left out, not replaced by a later one.
-- horizon_days: program_horizon.horizon_days, 60 for programs without a row.
-- Outcome window: the horizon_days calendar days after the treatment day, activity_date in
--   (treated day, treated day + horizon_days]. activity_daily is daily, so activity on the
--   treatment day itself never counts (it may precede the contact).
-- An entry counts only once its window has ended by the last activity_date in the warehouse:
--   windows still open would understate retention in both arms.
-- retained: 1 when any day of the window has orders > 0, else 0; revenue: net revenue in it.
-- segment: treatment.segment, else the customer's latest snapshot segment on or before the
--   treatment day, else 'unknown'.
-- Delivered or only assigned (issue 11 item 0): an assignment is not a contact. An entry is
--   delivered when it came from the treatments input (source 'input': a campaign tool says it ran),
--   or when an audience of its segment with membership 'contact' was exported (audience_export)
--   at or after the entry and no later than its horizon's last day: the segment's contact list,
--   with its holdout left out, reached a tool while the entry's window was open. The rule is per
--   segment and export, not per customer (audience_export_member keeps only the latest list), and
--   it applies to both arms alike (the holdout is the comparison for the list that was sent).
--   An entry is delivered, too, when the continuous job sent its transition to the transitions
--   topic (topic_delivery: same customer, program and arm, as_of the treatment day; the job writes
--   the row at the checkpoint that commits the message), for an activation system consuming the
--   topic. The rule is per customer; a holdout entry's message (arm 'holdout') tells that system to
--   leave the customer out: it is no contact, but it puts the entry in the measured comparison.
--   Entries of a bounded run, or of the job's catch-up refreshes before it reached the clock, were
--   never sent, so they are not delivered.
--   A program with a delivered entry in arm 'treatment' (a contact) is 'delivered' and counts only
--   its delivered entries; a program with none (e.g. the pipeline's own always_on entries on data
--   where no program ran, or only holdout messages sent) is 'assigned' and counts all of them, so
--   its design (power) can still be read, but holdout_lift claims no lift for it.
--   measured_as: 'delivered' or 'assigned', the program's; delivered: this entry's flag.
-- cost: treatment.cost, the contact cost (missing: NULL).
-- incentive_cost (issue 11 item 5): what the incentive of the entry's strategy cost, money. The
--   orders input has no redemption flag, so the rule is: a treated customer redeems the incentive
--   on their first order in the outcome window, and on no other; with depth_pct and cap of the
--   segment's strategy (segment_config), a redeemed order costs min(depth_pct / 100 x its value,
--   cap) (no cap when cap is 0), and a flat incentive (depth_pct 0: free shipping, a gift) costs
--   its cap. activity_daily is daily, so the first order's value is the first order day's net
--   revenue divided by its orders (negative: 0). Holdout entries and customers with no order cost
--   0. Only the pipeline's own entries (source 'always_on', whose incentive is the strategy's)
--   carry it: a treatments-input row records a campaign run elsewhere whose incentive may not be the
--   strategy's, so its cost column is taken as the campaign's whole cost.
-- The first_in_ flags are decided over the entries counted (all of an assigned program, the
--   delivered ones of a delivered program).
WITH entries AS (
    SELECT
        t.program_id,
        t.customer_id,
        t.treated_ts,
        t.arm,
        t.cost,
        t.source,
        CAST(t.treated_ts AS DATE) AS treated_date,
        COALESCE(h.horizon_days, 60) AS horizon_days,
        COALESCE(
            t.segment,
            (SELECT s.segment
               FROM segment_snapshot s
              WHERE s.customer_id = t.customer_id
                AND s.as_of <= CAST(t.treated_ts AS DATE)
              ORDER BY s.as_of DESC
              LIMIT 1),
            'unknown') AS segment
    FROM treatment t
    LEFT JOIN program_horizon h ON h.program_id = t.program_id
),
flagged AS (
    SELECT
        e.*,
        CASE WHEN e.source = 'input'
                  OR EXISTS (SELECT 1
                               FROM audience_export x
                              WHERE x.segment = e.segment
                                AND x.membership = 'contact'
                                AND x.exported_at >= e.treated_ts
                                AND CAST(x.exported_at AS DATE) <= e.treated_date + e.horizon_days)
                  OR EXISTS (SELECT 1
                               FROM topic_delivery d
                              WHERE d.customer_id = e.customer_id
                                AND d.program_id = e.program_id
                                AND d.arm = e.arm
                                AND d.as_of = e.treated_date)
             THEN 1 ELSE 0 END AS delivered_entry
    FROM entries e
),
programs AS (
    SELECT
        f.*,
        MAX(CASE WHEN arm = 'treatment' THEN delivered_entry ELSE 0 END) OVER (PARTITION BY program_id)
            AS program_delivered
    FROM flagged f
),
ranked AS (
    SELECT
        e.*,
        ROW_NUMBER() OVER (PARTITION BY program_id, customer_id ORDER BY treated_ts) AS program_entry,
        ROW_NUMBER() OVER (PARTITION BY program_id, customer_id, segment ORDER BY treated_ts) AS segment_entry
    FROM programs e
    WHERE delivered_entry = 1 OR program_delivered = 0
),
observed AS (
    SELECT MAX(activity_date) AS last_day FROM activity_daily
),
windowed AS (
    SELECT
        e.*,
        a.activity_date,
        a.orders,
        a.revenue AS day_revenue,
        MIN(CASE WHEN a.orders > 0 THEN a.activity_date END)
            OVER (PARTITION BY e.program_id, e.customer_id, e.treated_ts) AS first_order_date
    FROM ranked e
    CROSS JOIN observed o
    LEFT JOIN activity_daily a
        ON a.customer_id = e.customer_id
       AND a.activity_date > e.treated_date
       AND a.activity_date - e.treated_date <= e.horizon_days
    WHERE e.treated_date + e.horizon_days <= o.last_day
),
entry AS (
    SELECT
        program_id, customer_id, treated_ts, arm, segment, horizon_days, cost, source, program_entry,
        segment_entry, delivered_entry, program_delivered,
        MAX(CASE WHEN orders > 0 THEN 1 ELSE 0 END) AS retained,
        COALESCE(SUM(day_revenue), 0) AS revenue,
        MAX(CASE WHEN activity_date = first_order_date
                 THEN CAST(day_revenue AS DOUBLE PRECISION) / orders END) AS first_order_value
    FROM windowed
    GROUP BY program_id, customer_id, treated_ts, arm, segment, horizon_days, cost, source, program_entry,
        segment_entry, delivered_entry, program_delivered
)
SELECT
    e.program_id,
    e.customer_id,
    e.treated_ts,
    e.arm,
    e.segment,
    e.horizon_days,
    e.cost,
    e.program_entry = 1 AS first_in_program,
    e.segment_entry = 1 AS first_in_segment,
    e.retained,
    e.revenue,
    e.delivered_entry = 1 AS delivered,
    CASE WHEN e.program_delivered = 1 THEN 'delivered' ELSE 'assigned' END AS measured_as,
    CASE WHEN e.arm <> 'treatment' OR e.source <> 'always_on' OR e.first_order_value IS NULL THEN 0
         WHEN COALESCE(c.incentive_depth_pct, 0) > 0 AND COALESCE(c.incentive_cap, 0) > 0
         THEN LEAST(c.incentive_depth_pct / 100 * GREATEST(e.first_order_value, 0),
                    CAST(c.incentive_cap AS DOUBLE PRECISION))
         WHEN COALESCE(c.incentive_depth_pct, 0) > 0
         THEN c.incentive_depth_pct / 100 * GREATEST(e.first_order_value, 0)
         ELSE CAST(COALESCE(c.incentive_cap, 0) AS DOUBLE PRECISION)
    END AS incentive_cost
FROM entry e
LEFT JOIN segment_config c ON c.segment = e.segment
