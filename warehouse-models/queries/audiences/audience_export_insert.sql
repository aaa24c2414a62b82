-- audiences export: records one audience of an export.
INSERT INTO audience_export (export_id, audience_key, exported_at, segment, channel, membership, format, as_of,
    config_version, total_rows, added_rows, removed_rows, clear_contacts)
VALUES (?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?, ?, ?)
