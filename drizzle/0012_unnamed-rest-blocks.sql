-- Rest blocks the demo named "Rest" in English: unnamed, they are worded in each reader's
-- language (the wall of a Spanish class said "Rest").
UPDATE "routine_blocks" SET "label" = '' WHERE "kind" = 'rest' AND "label" = 'Rest';
