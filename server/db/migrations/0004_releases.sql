CREATE TABLE "release_scores" (
	"release_id" text NOT NULL,
	"block" text NOT NULL,
	"unit" text NOT NULL,
	"component" text NOT NULL,
	"value" double precision,
	"rank" integer,
	"reason" text,
	"tier" text,
	"lower" double precision,
	"upper" double precision,
	"rank_best" integer,
	"rank_worst" integer,
	"n" integer,
	CONSTRAINT "release_scores_release_id_block_unit_component_pk" PRIMARY KEY("release_id","block","unit","component")
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" text PRIMARY KEY NOT NULL,
	"family_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"supersedes" text,
	"origin" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"document" text NOT NULL,
	"sha256" text NOT NULL,
	"signature" text NOT NULL,
	"key_fingerprint" text NOT NULL,
	"methodology_hash" text NOT NULL,
	CONSTRAINT "releases_supersedes_unique" UNIQUE("supersedes"),
	CONSTRAINT "releases_edition_sequence" UNIQUE("edition_id","sequence"),
	CONSTRAINT "releases_sequence_positive" CHECK ("releases"."sequence" >= 1)
);
--> statement-breakpoint
ALTER TABLE "release_scores" ADD CONSTRAINT "release_scores_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "release_scores_unit_idx" ON "release_scores" USING btree ("unit");--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_supersedes_fk" FOREIGN KEY ("supersedes") REFERENCES "public"."releases"("id");--> statement-breakpoint
-- Releases are immutable: no UPDATE, DELETE or TRUNCATE, whoever asks. A correction is a new release.
-- Test suites empty every table between suites: they alone set ddci.allow_truncate for their TRUNCATE.
CREATE FUNCTION "refuse_release_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' AND coalesce(current_setting('ddci.allow_truncate', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'release_immutable: % on % is refused; a published release never changes (publish a correction that supersedes it)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'check_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "releases_immutable" BEFORE UPDATE OR DELETE ON "releases" FOR EACH ROW EXECUTE FUNCTION "refuse_release_change"();--> statement-breakpoint
CREATE TRIGGER "releases_no_truncate" BEFORE TRUNCATE ON "releases" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_release_change"();--> statement-breakpoint
CREATE TRIGGER "release_scores_immutable" BEFORE UPDATE OR DELETE ON "release_scores" FOR EACH ROW EXECUTE FUNCTION "refuse_release_change"();--> statement-breakpoint
CREATE TRIGGER "release_scores_no_truncate" BEFORE TRUNCATE ON "release_scores" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_release_change"();
