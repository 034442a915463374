CREATE TABLE `provider_settings` (
	`provider` text NOT NULL,
	`name` text NOT NULL,
	`sealed` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`provider`, `name`)
);
