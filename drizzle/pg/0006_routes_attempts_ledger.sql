CREATE TABLE "attempts" (
	"job_id" text NOT NULL,
	"n" integer NOT NULL,
	"model" text NOT NULL,
	"provider" text NOT NULL,
	"provider_job_id" text,
	"status" text NOT NULL,
	"error_code" text,
	"error_message" text,
	"started_at" bigint NOT NULL,
	"submitted_at" bigint,
	"ended_at" bigint,
	CONSTRAINT "attempts_job_id_n_pk" PRIMARY KEY("job_id","n")
);
--> statement-breakpoint
CREATE TABLE "ledger" (
	"job_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"kind" text NOT NULL,
	"user_id" text,
	"usd" double precision NOT NULL,
	"model" text NOT NULL,
	"provider" text NOT NULL,
	"family" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "ledger_job_id_attempt_kind_pk" PRIMARY KEY("job_id","attempt","kind")
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "routes" jsonb;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "route_index" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "fallback" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_created_idx" ON "ledger" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "ledger_user_created_idx" ON "ledger" USING btree ("user_id","created_at");