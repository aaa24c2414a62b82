-- explain: one segment's rule in words at one kept refresh. One row, or none.
SELECT criteria FROM segment_criteria WHERE as_of = CAST(? AS DATE) AND segment = ?
