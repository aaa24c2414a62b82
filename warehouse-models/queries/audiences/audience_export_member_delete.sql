-- audiences export: forgets the membership an audience's previous export sent.
DELETE FROM audience_export_member WHERE audience_key = ?
