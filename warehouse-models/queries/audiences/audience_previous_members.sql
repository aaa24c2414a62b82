-- audiences export: the members of one audience (audience_key) as its latest export sent them.
SELECT customer_id, email_sha256, phone_sha256 FROM audience_export_member WHERE audience_key = ?
