-- People are deactivated, never deleted: their revisions, audit entries and credits
-- keep naming them. A deactivated person's login stays, in no group of the newsroom
-- (so it may read nothing and write nothing), until they are activated again.
ALTER TABLE people ADD COLUMN active boolean NOT NULL DEFAULT true;
