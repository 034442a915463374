CREATE TABLE `attempts` (
	`job_id` text NOT NULL,
	`n` integer NOT NULL,
	`model` text NOT NULL,
	`provider` text NOT NULL,
	`provider_job_id` text,
	`status` text NOT NULL,
	`error_code` text,
	`error_message` text,
	`started_at` integer NOT NULL,
	`submitted_at` integer,
	`ended_at` integer,
	PRIMARY KEY(`job_id`, `n`),
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `ledger` (
	`job_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`kind` text NOT NULL,
	`user_id` text,
	`usd` real NOT NULL,
	`model` text NOT NULL,
	`provider` text NOT NULL,
	`family` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`job_id`, `attempt`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `ledger_created_idx` ON `ledger` (`created_at`);--> statement-breakpoint
CREATE INDEX `ledger_user_created_idx` ON `ledger` (`user_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `jobs` ADD `routes` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `route_index` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `jobs` ADD `fallback` integer DEFAULT true NOT NULL;