CREATE TABLE "local_renders" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"progress" double precision NOT NULL,
	"eta_seconds" double precision,
	"message" text,
	"error_code" text,
	"updated_at" bigint NOT NULL
);
