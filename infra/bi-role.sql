-- A read-only role for BI tools on a PostgreSQL warehouse: USAGE on the warehouse's schema and
-- SELECT on every table and view in it, now and, by default privileges, on those the user running
-- this script creates later. Run it as the user the pipeline writes with, so that the views
-- ./segments models apply re-creates (it drops and creates them) stay readable. The role cannot log
-- in: give each person or tool a login role in it, its password set outside this file, e.g.
--   CREATE ROLE metabase LOGIN IN ROLE bi_reader;  then  \password metabase
-- Usage (psql variables; safe to run again):
--   psql "postgresql://HOST:5432/DB?user=USER" -v ON_ERROR_STOP=1 -v role=bi_reader -v schema=public \
--     -f infra/bi-role.sql
SELECT format('CREATE ROLE %I NOLOGIN', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
GRANT USAGE ON SCHEMA :"schema" TO :"role";
GRANT SELECT ON ALL TABLES IN SCHEMA :"schema" TO :"role";
ALTER DEFAULT PRIVILEGES IN SCHEMA :"schema" GRANT SELECT ON TABLES TO :"role";
