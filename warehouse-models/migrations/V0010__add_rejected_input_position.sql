-- Where each rejected row was: the input file and the number of its (first) line in that file,
-- so a user can find and fix it. Empty for rows an adapter produced without a position.
ALTER TABLE rejected_input ADD COLUMN input_file VARCHAR;
ALTER TABLE rejected_input ADD COLUMN input_line BIGINT;
