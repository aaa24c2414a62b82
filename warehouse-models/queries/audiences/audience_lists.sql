-- audiences export: every audience the view holds now or an export sent before (a list left empty
-- since is exported again, empty, so that its removes reach the sync tool).
SELECT audience_key, segment, channel, membership FROM audience
UNION
SELECT audience_key, segment, channel, membership FROM audience_export
ORDER BY audience_key
