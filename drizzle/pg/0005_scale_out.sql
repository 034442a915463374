CREATE TABLE "local_renders" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"progress" double precision NOT NULL,
	"eta_seconds" double precision,
	"message" text,
	"error_code" text,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sign_in_failures_key_at" ON "sign_in_failures" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "sign_in_failures_at" ON "sign_in_failures" USING btree ("at");