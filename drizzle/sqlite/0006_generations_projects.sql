CREATE TABLE `generations` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`prompt` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `generations_user_idx` ON `generations` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_user_name_idx` ON `projects` (`user_id`,`name`);--> statement-breakpoint
ALTER TABLE `jobs` ADD `generation_id` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `project_id` text;--> statement-breakpoint
CREATE INDEX `jobs_generation_idx` ON `jobs` (`generation_id`);--> statement-breakpoint
CREATE INDEX `jobs_user_project_idx` ON `jobs` (`user_id`,`project_id`,`created_at`);