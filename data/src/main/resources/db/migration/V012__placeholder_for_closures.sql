-- Placeholder on branch outliers only: V012 is branch closures' migration. Migrations are numbered
-- without gaps, so this branch needs one to reach V013; the merge takes closures' V012 and deletes this file.
SELECT 1;
