-- Typed order lines with the reason each bad one is rejected (NULL = accepted). The
-- record_time placeholder passes a continuous job's time attribute through (empty for files).
CREATE TEMPORARY VIEW orders_checked AS
SELECT
  input_file, input_line, raw_line, order_id, customer_id, ts AS order_ts, amount_value AS amount,
  line_no_value AS line_no, category, channel, discount_value AS discount,
  CASE
    WHEN parse_error IS NOT NULL THEN parse_error
    WHEN customer_id IS NULL THEN 'missing customer_id'
    WHEN order_id IS NULL THEN 'missing order_id'
    WHEN text_problem IS NOT NULL THEN text_problem
    WHEN ts IS NULL THEN 'order_ts is not a valid ISO-8601 timestamp: ' || COALESCE(order_ts, '(empty)')
    WHEN ts < TIMESTAMP '${earliest} 00:00:00' THEN 'order_ts is before the earliest accepted date ${earliest}: ' || order_ts
    WHEN ts > TIMESTAMP '${future_cutoff}' THEN 'order_ts is in the future (beyond ${future_cutoff} UTC): ' || order_ts
    WHEN amount_value IS NULL THEN 'amount is not a finite number: ' || COALESCE(amount, '(empty)')
    WHEN ABS(amount_value) >= ${amount_limit} THEN 'amount is beyond the accepted range (less than ${amount_limit} either way): ' || amount
    WHEN line_no IS NOT NULL AND line_no_value IS NULL THEN 'line_no is not an integer: ' || line_no
    WHEN discount IS NOT NULL AND discount_value IS NULL THEN 'discount is not a finite number: ' || discount
    WHEN ABS(discount_value) >= ${amount_limit} THEN 'discount is beyond the accepted range (less than ${amount_limit} either way): ' || discount
  END AS reject_reason${record_time}
FROM (
  SELECT
    f.*,
    PARSE_TS(order_ts, '${timezone}') AS ts,
    PARSE_NUMBER(amount) AS amount_value,
    PARSE_INT(line_no) AS line_no_value,
    PARSE_NUMBER(discount) AS discount_value,
    COALESCE(ID_PROBLEM('order_id', order_id), ID_PROBLEM('customer_id', customer_id),
      TEXT_PROBLEM('category', category), TEXT_PROBLEM('channel', channel)) AS text_problem
  FROM orders_fields AS f
)
