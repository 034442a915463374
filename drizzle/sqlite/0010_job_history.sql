CREATE TABLE `job_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`at` integer NOT NULL,
	`source` text NOT NULL,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `job_history_job_idx` ON `job_history` (`job_id`,`id`);--> statement-breakpoint
ALTER TABLE `jobs` ADD `status_source` text;--> statement-breakpoint
ALTER TABLE `local_renders` ADD `job_id` text;--> statement-breakpoint
ALTER TABLE `local_renders` ADD `params` text;--> statement-breakpoint
ALTER TABLE `local_renders` ADD `attempt` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `local_renders` ADD `owner` text;--> statement-breakpoint
ALTER TABLE `local_renders` ADD `started_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `local_renders_job_idx` ON `local_renders` (`job_id`);