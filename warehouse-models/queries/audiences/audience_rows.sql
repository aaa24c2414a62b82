-- audiences export: the rows of one audience (audience_key), by customer.
SELECT row_key, customer_id, segment, strategy, channel, membership, reason, email_sha256, phone_sha256, arm,
    as_of, updated_at
FROM audience
WHERE audience_key = ?
ORDER BY customer_id
