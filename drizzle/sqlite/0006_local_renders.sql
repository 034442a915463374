CREATE TABLE `local_renders` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`progress` real NOT NULL,
	`eta_seconds` real,
	`message` text,
	`error_code` text,
	`updated_at` integer NOT NULL
);
