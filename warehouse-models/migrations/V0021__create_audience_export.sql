-- Audiences (issue 12): what the warehouse needs to send contact and suppression lists to
-- email, SMS and ad tools, and to remember what it sent.
--   email_unsubscribed: an unsubscribe engagement event was ever seen (the email audiences leave
--     the customer out; rows written before V0021 keep it empty)
--   email_sha256, phone_sha256: the customers input's email (trimmed, lower case) and phone (E.164,
--     e.g. +442079460000) as SHA-256 in lower-case hex, the form ad platforms match on; the clear
--     text is never stored. Empty when the input gives none (or one that is not an address or a
--     number: such a value is treated as absent)
ALTER TABLE customer_segment ADD COLUMN email_unsubscribed BOOLEAN;
ALTER TABLE customer_segment ADD COLUMN email_sha256 VARCHAR;
ALTER TABLE customer_segment ADD COLUMN phone_sha256 VARCHAR;
ALTER TABLE segment_snapshot ADD COLUMN email_unsubscribed BOOLEAN;
ALTER TABLE segment_snapshot ADD COLUMN email_sha256 VARCHAR;
ALTER TABLE segment_snapshot ADD COLUMN phone_sha256 VARCHAR;

-- One row per audience per export (./segments audiences export): what was sent, when, and what
-- changed since the audience's previous export, so lift can be tied to the lists actually sent.
CREATE TABLE audience_export (
    export_id      VARCHAR   NOT NULL,
    audience_key   VARCHAR   NOT NULL,
    exported_at    TIMESTAMP NOT NULL,
    segment        VARCHAR   NOT NULL,
    channel        VARCHAR   NOT NULL,
    membership     VARCHAR   NOT NULL,
    format         VARCHAR   NOT NULL,
    as_of          DATE,
    config_version VARCHAR   NOT NULL,
    total_rows     BIGINT    NOT NULL,
    added_rows     BIGINT    NOT NULL,
    removed_rows   BIGINT    NOT NULL,
    clear_contacts BOOLEAN   NOT NULL,
    CONSTRAINT audience_export_pk PRIMARY KEY (export_id, audience_key)
);

-- The membership each audience had at its latest export: one row per audience per customer
-- sent. The next export's adds and removes are the differences from these rows.
CREATE TABLE audience_export_member (
    audience_key VARCHAR NOT NULL,
    customer_id  VARCHAR NOT NULL,
    export_id    VARCHAR NOT NULL,
    email_sha256 VARCHAR,
    phone_sha256 VARCHAR,
    CONSTRAINT audience_export_member_pk PRIMARY KEY (audience_key, customer_id)
);

COMMENT ON COLUMN customer_segment.email_unsubscribed IS 'An unsubscribe engagement event was ever seen for the customer: the email audiences list it for suppression only; empty on rows written before V0021';
COMMENT ON COLUMN customer_segment.email_sha256 IS 'SHA-256 (lower-case hex) of the customers input''s email, trimmed and lower-cased, as ad platforms match it; the clear text is not stored; empty when none';
COMMENT ON COLUMN customer_segment.phone_sha256 IS 'SHA-256 (lower-case hex) of the customers input''s phone in E.164 (+ and digits), as ad platforms match it; the clear text is not stored; empty when none or not a valid number';
COMMENT ON COLUMN segment_snapshot.email_unsubscribed IS 'An unsubscribe engagement event was ever seen for the customer: the email audiences list it for suppression only; empty on rows written before V0021';
COMMENT ON COLUMN segment_snapshot.email_sha256 IS 'SHA-256 (lower-case hex) of the customers input''s email, trimmed and lower-cased, as ad platforms match it; the clear text is not stored; empty when none';
COMMENT ON COLUMN segment_snapshot.phone_sha256 IS 'SHA-256 (lower-case hex) of the customers input''s phone in E.164 (+ and digits), as ad platforms match it; the clear text is not stored; empty when none or not a valid number';

COMMENT ON TABLE audience_export IS 'One row per audience per ./segments audiences export: when, what list, how many rows and what changed since the audience''s previous export, so lift can be tied to the lists actually sent.';
COMMENT ON COLUMN audience_export.export_id IS 'The export (one command run): its UTC start time and a random suffix; every audience of the run shares it';
COMMENT ON COLUMN audience_export.audience_key IS 'The audience: segment (lower case, non-alphanumerics as _), channel and membership joined by colons, e.g. at_risk:email:contact (the audience view''s audience_key)';
COMMENT ON COLUMN audience_export.exported_at IS 'When the export ran (UTC timestamp)';
COMMENT ON COLUMN audience_export.segment IS 'The segment whose customers the audience holds (a name from segments.yaml)';
COMMENT ON COLUMN audience_export.channel IS 'email, phone or ads: the tool the list is for';
COMMENT ON COLUMN audience_export.membership IS 'contact (customers to contact) or suppression (customers the tool must leave out: holdout, suppressed segment, unsubscribed, no consent)';
COMMENT ON COLUMN audience_export.format IS 'The file format written: csv or jsonl';
COMMENT ON COLUMN audience_export.as_of IS 'The refresh day of the customer_segment rows exported (the latest among the audience''s rows); empty for an audience left with no row';
COMMENT ON COLUMN audience_export.config_version IS 'The digest of the configuration given to the export (as config_version on the transitions topic): which strategies.yaml the lists were sent under';
COMMENT ON COLUMN audience_export.total_rows IS 'Customers in the audience as exported, a count';
COMMENT ON COLUMN audience_export.added_rows IS 'Customers in this export and not in the audience''s previous one (all of them at a first export), a count';
COMMENT ON COLUMN audience_export.removed_rows IS 'Customers in the audience''s previous export and not in this one, a count';
COMMENT ON COLUMN audience_export.clear_contacts IS 'Whether the files held clear-text email and phone (--clear-contacts); false: hashes only';

COMMENT ON TABLE audience_export_member IS 'The membership of each audience at its latest export: one row per audience per customer sent; the next export''s adds and removes are the differences from it.';
COMMENT ON COLUMN audience_export_member.audience_key IS 'The audience (audience_export.audience_key)';
COMMENT ON COLUMN audience_export_member.customer_id IS 'The customer''s identifier, as in the input';
COMMENT ON COLUMN audience_export_member.export_id IS 'The export that last sent the audience (audience_export.export_id)';
COMMENT ON COLUMN audience_export_member.email_sha256 IS 'The email hash sent for the customer (customer_segment.email_sha256 then); empty when none';
COMMENT ON COLUMN audience_export_member.phone_sha256 IS 'The phone hash sent for the customer (customer_segment.phone_sha256 then); empty when none';
