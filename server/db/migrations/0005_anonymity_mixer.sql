CREATE TABLE "code_strata" (
	"survey_edition_id" integer NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"issued" integer DEFAULT 0 NOT NULL,
	"submitted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "code_strata_survey_edition_id_dimension_value_pk" PRIMARY KEY("survey_edition_id","dimension","value")
);
--> statement-breakpoint
CREATE TABLE "completion_times" (
	"survey_edition_id" integer NOT NULL,
	"minutes" smallint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "completion_times_survey_edition_id_minutes_pk" PRIMARY KEY("survey_edition_id","minutes")
);
--> statement-breakpoint
CREATE TABLE "pending_submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survey_edition_id" integer NOT NULL,
	"coded" boolean NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sealed" "bytea" NOT NULL
);
--> statement-breakpoint
-- Existing plaintext strata become counters; the per-code rows cannot be sealed in SQL (the key is
-- the application's), so they are dropped. Existing drafts cannot be sealed without their codes.
INSERT INTO "code_strata" ("survey_edition_id", "dimension", "value", "issued", "submitted")
SELECT c."survey_edition_id", d.dimension, d.value, count(*), count(*) FILTER (WHERE c."used")
FROM "code_firms" f JOIN "survey_codes" c USING ("code_hash")
CROSS JOIN LATERAL (VALUES ('size', f."size"), ('sector', f."sector"), ('ownership', f."ownership")) AS d(dimension, value)
WHERE d.value IS NOT NULL
GROUP BY 1, 2, 3;--> statement-breakpoint
INSERT INTO "completion_times" ("survey_edition_id", "minutes", "n")
SELECT "survey_edition_id", "completion_minutes", count(*) FROM "responses"
WHERE "completion_minutes" IS NOT NULL GROUP BY 1, 2;--> statement-breakpoint
DELETE FROM "code_firms";--> statement-breakpoint
DELETE FROM "drafts";--> statement-breakpoint
ALTER TABLE "code_firms" ADD COLUMN "sealed" "bytea" NOT NULL;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "sealed" "bytea" NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_codes" ADD COLUMN "stored" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "survey_codes" SET "stored" = true WHERE "used";--> statement-breakpoint
ALTER TABLE "code_strata" ADD CONSTRAINT "code_strata_survey_edition_id_survey_editions_id_fk" FOREIGN KEY ("survey_edition_id") REFERENCES "public"."survey_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "completion_times" ADD CONSTRAINT "completion_times_survey_edition_id_survey_editions_id_fk" FOREIGN KEY ("survey_edition_id") REFERENCES "public"."survey_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_submissions" ADD CONSTRAINT "pending_submissions_survey_edition_id_survey_editions_id_fk" FOREIGN KEY ("survey_edition_id") REFERENCES "public"."survey_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pending_submissions_edition" ON "pending_submissions" USING btree ("survey_edition_id");--> statement-breakpoint
ALTER TABLE "code_firms" DROP COLUMN "firm_ref";--> statement-breakpoint
ALTER TABLE "code_firms" DROP COLUMN "size";--> statement-breakpoint
ALTER TABLE "code_firms" DROP COLUMN "sector";--> statement-breakpoint
ALTER TABLE "code_firms" DROP COLUMN "ownership";--> statement-breakpoint
ALTER TABLE "drafts" DROP COLUMN "answers";--> statement-breakpoint
ALTER TABLE "responses" DROP COLUMN "completion_minutes";--> statement-breakpoint
ALTER TABLE "survey_codes" ADD CONSTRAINT "survey_codes_stored_used" CHECK (not "survey_codes"."stored" or "survey_codes"."used");