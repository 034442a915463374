-- pg_dump writes, and pg_restore runs, everything with an empty search_path: an index expression
-- whose function calls another one by a bare name cannot be rebuilt from a backup ("function
-- dailies_unaccent(text) does not exist" while creating jobs_prompt_search_idx). Same result,
-- schema-qualified, so `npm run admin -- restore` can recreate the index; the index itself is unchanged.
CREATE OR REPLACE FUNCTION dailies_search_vector(text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT to_tsvector('pg_catalog.simple'::regconfig, public.dailies_unaccent($1)) $$;
