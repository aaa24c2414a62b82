-- One table's comment on DuckDB; bound: the table name.
SELECT comment
FROM duckdb_tables()
WHERE table_name = ?
  AND schema_name = current_schema()
  AND database_name = current_database()
