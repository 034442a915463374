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
CREATE INDEX "ledger_created_idx" ON "ledger" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "ledger_user_created_idx" ON "ledger" USING btree ("user_id","created_at");