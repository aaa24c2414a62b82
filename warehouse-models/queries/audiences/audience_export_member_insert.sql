-- audiences export: remembers one customer an audience's export sent.
INSERT INTO audience_export_member (audience_key, customer_id, export_id, email_sha256, phone_sha256)
VALUES (?, ?, ?, ?, ?)
