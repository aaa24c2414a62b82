-- The country the customers input gives (its latest row with a signup_ts), on customer_segment
-- and segment_snapshot alike; empty when the input gives none. Personas and lead scoring use it.
ALTER TABLE customer_segment ADD COLUMN country VARCHAR;
ALTER TABLE segment_snapshot ADD COLUMN country VARCHAR;
