-- audiences export: the rows of one segment's audiences (every channel and membership), by
-- audience and customer. One read per segment: the view computes all of a segment's lists at once.
SELECT audience_key, row_key, customer_id, segment, strategy, channel, membership, reason, email_sha256,
    phone_sha256, arm, as_of, updated_at
FROM audience
WHERE segment = ?
ORDER BY audience_key, customer_id
