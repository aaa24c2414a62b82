-- grain: one row per customer per audience (from customer_segment, the current segments)
-- The lists a reverse-ETL tool (Hightouch, Census) or ./segments audiences export sends to email,
-- phone and ad tools. An audience is a segment, a channel (email, phone, ads) and a membership:
-- every customer of a segment is, for each channel, in exactly one of its two lists, contact or
-- suppression. A customer goes to suppression, with the first reason that holds, when the
-- segment's strategy suppresses it (suppress in strategies.yaml: a suppressed segment has no
-- contact list at all), when it is in the holdout arm (holdout customers are never contacted; the
-- list lets a tool exclude them), and, for email only, when it ever unsubscribed or its latest
-- consent is false (unknown consent is no refusal). Contacts appear only as SHA-256 hashes.
-- columns:
-- audience_key: the audience: the segment in lower case with each run of other characters as _,
--   the channel and the membership, joined by colons (e.g. at_risk:email:contact); stable
--   across refreshes as long as the segment keeps its name
-- row_key: audience_key and customer_id joined by a colon: the row's stable key for sync tools
-- segment: the customer's segment (labels and order in segment_dim)
-- strategy: the segment's strategy (strategies.yaml)
-- channel: email, phone or ads: the tool the list is for
-- membership: contact (customers to contact) or suppression (customers the tool must leave out)
-- reason: why a suppressed customer is: suppressed_segment, holdout, unsubscribed or no_consent;
--   NULL for a contact
-- customer_id: the customer's identifier, as in the input
-- email_sha256: SHA-256 (lower-case hex) of the email, trimmed and lower-cased; NULL when none
-- phone_sha256: SHA-256 (lower-case hex) of the phone in E.164; NULL when none
-- arm: treatment or holdout in the segment's program; NULL when the strategy runs none
-- as_of: the refresh day of the customer's row
-- updated_at: when the pipeline wrote the customer's row (UTC timestamp): a row whose content
--   changed has a later one
WITH channels (channel) AS (
    VALUES ('email'), ('phone'), ('ads')
),
placed AS (
    SELECT
        c.customer_id, c.segment, c.strategy, c.arm, c.as_of, c.updated_at, c.email_sha256, c.phone_sha256,
        ch.channel,
        CASE
            WHEN COALESCE(d.suppress, FALSE) THEN 'suppressed_segment'
            WHEN c.arm = 'holdout' THEN 'holdout'
            WHEN ch.channel = 'email' AND COALESCE(c.email_unsubscribed, FALSE) THEN 'unsubscribed'
            WHEN ch.channel = 'email' AND c.email_consent = FALSE THEN 'no_consent'
        END AS reason
    FROM customer_segment c
    CROSS JOIN channels ch
    LEFT JOIN segment_config d ON d.segment = c.segment
),
keyed AS (
    SELECT
        p.*,
        CASE WHEN p.reason IS NULL THEN 'contact' ELSE 'suppression' END AS membership,
        TRIM(BOTH '_' FROM LOWER(REGEXP_REPLACE(p.segment, '[^A-Za-z0-9]+', '_', 'g'))) AS segment_key
    FROM placed p
)
SELECT
    segment_key || ':' || channel || ':' || membership AS audience_key,
    segment_key || ':' || channel || ':' || membership || ':' || customer_id AS row_key,
    segment,
    strategy,
    channel,
    membership,
    reason,
    customer_id,
    email_sha256,
    phone_sha256,
    arm,
    as_of,
    updated_at
FROM keyed
