-- Prompt search. A standalone FTS5 table keyed by job id (jobs has a text primary key, so its
-- rowid may change on VACUUM and cannot back an external-content index). Prompts never change
-- after insert, so triggers on insert and delete keep it in step.
CREATE VIRTUAL TABLE `jobs_fts` USING fts5(`job_id` UNINDEXED, `prompt`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `jobs_fts` (`job_id`, `prompt`) SELECT `id`, `prompt` FROM `jobs`;
--> statement-breakpoint
CREATE TRIGGER `jobs_fts_insert` AFTER INSERT ON `jobs` BEGIN
  INSERT INTO `jobs_fts` (`job_id`, `prompt`) VALUES (new.`id`, new.`prompt`);
END;
--> statement-breakpoint
CREATE TRIGGER `jobs_fts_delete` AFTER DELETE ON `jobs` BEGIN
  DELETE FROM `jobs_fts` WHERE `job_id` = old.`id`;
END;
