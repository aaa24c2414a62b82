-- invariant: no holdout customer and no customer of a suppressed segment is in a contact list, and
-- no email contact list holds a customer who unsubscribed or refused consent (email_consent false)
SELECT a.audience_key, a.customer_id, c.arm, d.suppress, c.email_unsubscribed, c.email_consent
FROM audience a
JOIN customer_segment c ON c.customer_id = a.customer_id
LEFT JOIN segment_config d ON d.segment = c.segment
WHERE a.membership = 'contact'
  AND (c.arm = 'holdout'
    OR COALESCE(d.suppress, FALSE)
    OR (a.channel = 'email' AND (COALESCE(c.email_unsubscribed, FALSE) OR c.email_consent = FALSE)))
