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
CREATE INDEX `ledger_user_created_idx` ON `ledger` (`user_id`,`created_at`);