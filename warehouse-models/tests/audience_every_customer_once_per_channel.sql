-- invariant: for every channel, each customer is in exactly one list of its own segment (contact
-- or suppression); row_key is unique; an audience_key names one segment, channel and membership
SELECT 'customer ' || c.customer_id || ' on ' || ch.channel AS problem
FROM customer_segment c
CROSS JOIN (SELECT DISTINCT channel FROM audience) ch
LEFT JOIN audience a ON a.customer_id = c.customer_id AND a.channel = ch.channel AND a.segment = c.segment
GROUP BY c.customer_id, ch.channel
HAVING COUNT(a.row_key) <> 1
UNION ALL
SELECT 'row_key ' || row_key FROM audience GROUP BY row_key HAVING COUNT(*) <> 1
UNION ALL
SELECT 'audience_key ' || audience_key FROM audience GROUP BY audience_key
HAVING COUNT(DISTINCT segment) <> 1 OR COUNT(DISTINCT channel) <> 1 OR COUNT(DISTINCT membership) <> 1
