-- fitted_on: which customers the models of prediction_fit were fitted on. 'all': every customer
-- who ordered before as_of; 'hash_sample': at most 50,000 of them, those whose ids have the lowest
-- SHA-256 hashes (the papers fitted a 1/10 sample), when more had ordered. customers and
-- spend_customers count the customers fitted on; every customer is predicted in
-- customer_prediction either way. Empty on rows written before it existed (all).
ALTER TABLE prediction_fit ADD COLUMN fitted_on VARCHAR;
COMMENT ON COLUMN prediction_fit.fitted_on IS 'The customers the models were fitted on: all (every customer who ordered before as_of) or hash_sample (at most 50,000, those with the lowest SHA-256 hashes of their ids); empty on rows written before it existed';
