CREATE TABLE "provider_catalogs" (
	"provider" text PRIMARY KEY NOT NULL,
	"models" jsonb,
	"retired" jsonb,
	"fetched_at" bigint,
	"last_error" text,
	"last_error_at" bigint,
	"refreshing_until" bigint
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "options" jsonb;