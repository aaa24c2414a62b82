-- A new warehouse copied from the build's template (WarehouseTemplate): its migrations' history
-- gets the time of the copy instead of the build's. Bound: none.
UPDATE flyway_schema_history
SET installed_on = now()
