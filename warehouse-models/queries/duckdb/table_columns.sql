-- One table's columns on DuckDB, in order: name, whether NULL is allowed, and the column's
-- comment; bound: the table name.
SELECT column_name, is_nullable, comment
FROM duckdb_columns()
WHERE table_name = ?
  AND schema_name = current_schema()
  AND database_name = current_database()
ORDER BY column_index
