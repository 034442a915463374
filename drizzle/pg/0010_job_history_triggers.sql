-- The history is written by the database itself, in the same statement as the change: an INSERT of a
-- job is its first entry, an UPDATE that changes its status the next. The writer says who it is in
-- jobs.status_source, set in the same UPDATE (lib/db/queries/job-status.ts). The SQLite twin is drizzle/sqlite/0008.
CREATE FUNCTION dailies_record_job_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "job_history" ("job_id", "from_status", "to_status", "at", "source")
    VALUES (NEW."id", NULL, NEW."status", NEW."created_at", COALESCE(NEW."status_source", 'user'));
  ELSIF NEW."status" IS DISTINCT FROM OLD."status" THEN
    INSERT INTO "job_history" ("job_id", "from_status", "to_status", "at", "source")
    VALUES (NEW."id", OLD."status", NEW."status", NEW."updated_at", COALESCE(NEW."status_source", 'worker'));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "job_history_on_change" AFTER INSERT OR UPDATE OF "status" ON "jobs" FOR EACH ROW EXECUTE FUNCTION dailies_record_job_history();
--> statement-breakpoint
-- Jobs made before the history existed: their creation is known, what came after is not.
INSERT INTO "job_history" ("job_id", "from_status", "to_status", "at", "source") SELECT "id", NULL, 'queued', "created_at", 'user' FROM "jobs";
