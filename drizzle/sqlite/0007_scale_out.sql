CREATE TABLE `local_renders` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`progress` real NOT NULL,
	`eta_seconds` real,
	`message` text,
	`error_code` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_key_at` ON `sign_in_failures` (`key`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_failures_at` ON `sign_in_failures` (`at`);