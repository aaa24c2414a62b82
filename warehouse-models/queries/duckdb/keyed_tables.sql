-- The tables of the current schema that still carry a primary-key constraint, on DuckDB; bound:
-- none. One row per table.
SELECT table_name
FROM duckdb_constraints()
WHERE constraint_type = 'PRIMARY KEY'
  AND schema_name = current_schema()
  AND database_name = current_database()
ORDER BY table_name
