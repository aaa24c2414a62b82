-- invariant: in signal_value the AUCs are in [0, 1], strength in [0.5, 1] and equal to the better
-- reading of auc_within, the direction follows auc_within, a signal the same for all scores 0.5,
-- pairs exist exactly when a segment was compared, and every snapshot and horizon of score_validation_summary has the eleven signals every
-- scored customer has (top_category_share and tenure have no row when no customer has a value)
SELECT v.as_of, v.horizon_days, v.signal
FROM signal_value v
WHERE v.auc_within < 0 OR v.auc_within > 1
   OR v.auc_overall < 0 OR v.auc_overall > 1
   OR v.strength < 0.5 OR v.strength > 1
   OR ABS(v.strength - GREATEST(v.auc_within, 1 - v.auc_within)) > 1e-12
   OR (v.direction = 'higher') <> (v.auc_within > 0.5)
   OR (v.pairs > 0) <> (v.segments_compared > 0)
   OR (v.pairs > 0) <> (v.auc_within IS NOT NULL)
   OR v.retained > v.customers
   OR (v.same_for_all AND v.auc_within <> 0.5)
UNION ALL
SELECT s.as_of, s.horizon_days, NULL
FROM score_validation_summary s
WHERE s.dimension = 'composite'
  AND (SELECT COUNT(*) FROM signal_value v WHERE v.as_of = s.as_of AND v.horizon_days = s.horizon_days
         AND v.signal NOT IN ('top_category_share', 'tenure') AND v.customers = s.customers) <> 11
