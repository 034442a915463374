-- Prompt search, with the meaning FTS5 has on SQLite (drizzle/sqlite/0002_jobs_fts.sql): words of
-- letters and digits, case- and accent-insensitive, each matched as a word prefix. The 'simple'
-- configuration keeps every word (no stemming, no stop words), like FTS5's unicode61 tokenizer.
-- unaccent() is only STABLE, so an IMMUTABLE wrapper lets the GIN index use it; the query side
-- (lib/db/dialect/pg.ts) calls the same dailies_search_vector(prompt), so the index answers it.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dailies_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dailies_search_vector(text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT to_tsvector('simple'::regconfig, dailies_unaccent($1)) $$;
--> statement-breakpoint
CREATE INDEX "jobs_prompt_search_idx" ON "jobs" USING gin (dailies_search_vector("prompt"));
