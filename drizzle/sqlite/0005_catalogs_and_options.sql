CREATE TABLE `provider_catalogs` (
	`provider` text PRIMARY KEY NOT NULL,
	`models` text,
	`retired` text,
	`fetched_at` integer,
	`last_error` text,
	`last_error_at` integer,
	`refreshing_until` integer
);
--> statement-breakpoint
ALTER TABLE `jobs` ADD `options` text;