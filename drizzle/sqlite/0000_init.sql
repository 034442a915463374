CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`parent_id` text,
	`model` text NOT NULL,
	`provider` text NOT NULL,
	`prompt` text NOT NULL,
	`negative_prompt` text,
	`aspect_ratio` text NOT NULL,
	`duration_seconds` real NOT NULL,
	`resolution` text NOT NULL,
	`fps` integer NOT NULL,
	`seed` integer,
	`input_image_key` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`eta_seconds` integer,
	`error_code` text,
	`error_message` text,
	`provider_job_id` text,
	`provider_data` text,
	`output_url` text,
	`output_update` text,
	`submit_started_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`poll_count` integer DEFAULT 0 NOT NULL,
	`save_attempts` integer DEFAULT 0 NOT NULL,
	`next_check_at` integer NOT NULL,
	`deadline_at` integer NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`video_key` text,
	`poster_key` text,
	`video_bytes` integer,
	`video_duration_seconds` real,
	`video_width` integer,
	`video_height` integer,
	`video_codec` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`submitted_at` integer,
	`completed_at` integer
);
--> statement-breakpoint
CREATE INDEX `jobs_due_idx` ON `jobs` (`status`,`next_check_at`);--> statement-breakpoint
CREATE INDEX `jobs_user_created_idx` ON `jobs` (`user_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_provider_job_idx` ON `jobs` (`provider`,`provider_job_id`);--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`provider` text NOT NULL,
	`event_id` text NOT NULL,
	`received_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	PRIMARY KEY(`provider`, `event_id`)
);
