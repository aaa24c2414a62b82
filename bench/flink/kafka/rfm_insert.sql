-- The naive continuous R/F/M: one streaming GROUP BY customer over every order line, updated per line.
INSERT INTO rfm_out
SELECT customer_id, COUNT(*), SUM(amount), MAX(order_ts)
FROM order_lines
GROUP BY customer_id
