-- The history is written by the database itself, in the same statement as the change: an INSERT of a
-- job is its first entry, an UPDATE that changes its status the next. The writer says who it is in
-- jobs.status_source, set in the same UPDATE (lib/db/queries/job-status.ts).
CREATE TRIGGER `job_history_on_insert` AFTER INSERT ON `jobs` BEGIN
  INSERT INTO `job_history` (`job_id`, `from_status`, `to_status`, `at`, `source`)
  VALUES (new.`id`, NULL, new.`status`, new.`created_at`, COALESCE(new.`status_source`, 'user'));
END;
--> statement-breakpoint
CREATE TRIGGER `job_history_on_status` AFTER UPDATE OF `status` ON `jobs` WHEN new.`status` IS NOT old.`status` BEGIN
  INSERT INTO `job_history` (`job_id`, `from_status`, `to_status`, `at`, `source`)
  VALUES (new.`id`, old.`status`, new.`status`, new.`updated_at`, COALESCE(new.`status_source`, 'worker'));
END;
--> statement-breakpoint
-- Jobs made before the history existed: their creation is known, what came after is not.
INSERT INTO `job_history` (`job_id`, `from_status`, `to_status`, `at`, `source`) SELECT `id`, NULL, 'queued', `created_at`, 'user' FROM `jobs`;
