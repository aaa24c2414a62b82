-- Predicted value and risk (./segments predict): the buy-till-you-die models fitted at a refresh,
-- and what they predict for each customer who has ordered.
-- prediction_fit: one row per refresh predicted (as_of). BG/NBD (Fader, Hardie and Lee 2005) on
-- every ordering customer's (repeat order days x, recency t_x, age T) in unit_days units: r, alpha,
-- a, b; Gamma-Gamma (Fader, Hardie and Lee 2005, JMR) on the repeat customers' mean repeat-order-day
-- revenue: p, q, gamma_scale. Log-likelihoods at the optimum, the customers fitted on, and whether
-- each maximisation settled within its evaluation budget.
CREATE TABLE prediction_fit (
    as_of                DATE             NOT NULL,
    unit_days            INTEGER          NOT NULL,
    horizon_days         INTEGER          NOT NULL,
    customers            BIGINT           NOT NULL,
    bgnbd_r              DOUBLE PRECISION NOT NULL,
    bgnbd_alpha          DOUBLE PRECISION NOT NULL,
    bgnbd_a              DOUBLE PRECISION NOT NULL,
    bgnbd_b              DOUBLE PRECISION NOT NULL,
    bgnbd_log_likelihood DOUBLE PRECISION NOT NULL,
    bgnbd_converged      BOOLEAN          NOT NULL,
    spend_customers      BIGINT           NOT NULL,
    spend_p              DOUBLE PRECISION,
    spend_q              DOUBLE PRECISION,
    spend_gamma_scale    DOUBLE PRECISION,
    spend_log_likelihood DOUBLE PRECISION,
    spend_converged      BOOLEAN,
    fitted_at            TIMESTAMP        NOT NULL,
    CONSTRAINT prediction_fit_pk PRIMARY KEY (as_of)
);

-- customer_prediction: one row per refresh predicted and customer who ordered before it.
--   repeat_orders: order days after the first (x); recency_units, age_units: t_x and T in the
--     fit's unit_days
--   p_alive: the probability the customer is still buying (BG/NBD)
--   expected_orders: order days expected in the horizon_days after as_of
--   expected_spend: expected revenue per order day (Gamma-Gamma; the population's mean for a
--     customer with no repeat); empty when the spend model could not be fitted
--   predicted_value: expected_orders x expected_spend, the revenue expected in the horizon
CREATE TABLE customer_prediction (
    as_of           DATE             NOT NULL,
    customer_id     VARCHAR          NOT NULL,
    repeat_orders   INTEGER          NOT NULL,
    recency_units   DOUBLE PRECISION NOT NULL,
    age_units       DOUBLE PRECISION NOT NULL,
    p_alive         DOUBLE PRECISION NOT NULL,
    expected_orders DOUBLE PRECISION NOT NULL,
    expected_spend  DOUBLE PRECISION,
    predicted_value DOUBLE PRECISION,
    CONSTRAINT customer_prediction_pk PRIMARY KEY (as_of, customer_id)
);

COMMENT ON TABLE prediction_fit IS 'One row per refresh predicted: the BG/NBD and Gamma-Gamma parameters fitted by maximum likelihood, their log-likelihoods and convergence';
COMMENT ON COLUMN prediction_fit.as_of IS 'The refresh predicted at: histories cover the days before it';
COMMENT ON COLUMN prediction_fit.unit_days IS 'The time unit of the fit, in days (7: weeks)';
COMMENT ON COLUMN prediction_fit.horizon_days IS 'The horizon of expected_orders and predicted_value, in days after as_of';
COMMENT ON COLUMN prediction_fit.customers IS 'Customers the BG/NBD model was fitted on (all who ordered before as_of)';
COMMENT ON COLUMN prediction_fit.bgnbd_r IS 'BG/NBD r: shape of the Gamma distribution of purchase rates';
COMMENT ON COLUMN prediction_fit.bgnbd_alpha IS 'BG/NBD alpha: scale of the Gamma distribution of purchase rates, in unit_days units';
COMMENT ON COLUMN prediction_fit.bgnbd_a IS 'BG/NBD a: first shape of the Beta distribution of drop-out probabilities';
COMMENT ON COLUMN prediction_fit.bgnbd_b IS 'BG/NBD b: second shape of the Beta distribution of drop-out probabilities';
COMMENT ON COLUMN prediction_fit.bgnbd_log_likelihood IS 'BG/NBD log-likelihood at the fitted parameters, summed over the customers';
COMMENT ON COLUMN prediction_fit.bgnbd_converged IS 'Whether the BG/NBD maximisation settled within its evaluation budget';
COMMENT ON COLUMN prediction_fit.spend_customers IS 'Repeat customers with positive repeat revenue the Gamma-Gamma model was fitted on';
COMMENT ON COLUMN prediction_fit.spend_p IS 'Gamma-Gamma p: shape of the spend of one order day around the customer''s mean';
COMMENT ON COLUMN prediction_fit.spend_q IS 'Gamma-Gamma q: shape of the Gamma distribution of customers'' spend rates';
COMMENT ON COLUMN prediction_fit.spend_gamma_scale IS 'Gamma-Gamma gamma: scale of the Gamma distribution of customers'' spend rates, in currency';
COMMENT ON COLUMN prediction_fit.spend_log_likelihood IS 'Gamma-Gamma log-likelihood at the fitted parameters';
COMMENT ON COLUMN prediction_fit.spend_converged IS 'Whether the Gamma-Gamma maximisation settled within its evaluation budget';
COMMENT ON COLUMN prediction_fit.fitted_at IS 'When the models were fitted (UTC)';
COMMENT ON TABLE customer_prediction IS 'One row per refresh predicted and customer who ordered before it: P(alive), expected order days and revenue in the horizon';
COMMENT ON COLUMN customer_prediction.as_of IS 'The refresh predicted at (prediction_fit.as_of)';
COMMENT ON COLUMN customer_prediction.customer_id IS 'The customer';
COMMENT ON COLUMN customer_prediction.repeat_orders IS 'Order days after the first, before as_of (x)';
COMMENT ON COLUMN customer_prediction.recency_units IS 'From the first order day to the last, in the fit''s unit_days (t_x)';
COMMENT ON COLUMN customer_prediction.age_units IS 'From the first order day to the day before as_of, in the fit''s unit_days (T)';
COMMENT ON COLUMN customer_prediction.p_alive IS 'Probability (0-1) that the customer is still buying (BG/NBD)';
COMMENT ON COLUMN customer_prediction.expected_orders IS 'Order days expected in the horizon_days after as_of (BG/NBD)';
COMMENT ON COLUMN customer_prediction.expected_spend IS 'Expected revenue per order day, in currency (Gamma-Gamma); empty without a spend fit';
COMMENT ON COLUMN customer_prediction.predicted_value IS 'Revenue expected in the horizon, in currency: expected_orders x expected_spend';
