CREATE TABLE "provider_settings" (
	"provider" text NOT NULL,
	"name" text NOT NULL,
	"sealed" text NOT NULL,
	"updated_at" bigint NOT NULL,
	"updated_by" text,
	CONSTRAINT "provider_settings_provider_name_pk" PRIMARY KEY("provider","name")
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "provider_report" jsonb;