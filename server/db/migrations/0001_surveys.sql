CREATE TABLE "code_firms" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"firm_ref" text,
	"size" text,
	"sector" text,
	"ownership" text
);
--> statement-breakpoint
CREATE TABLE "drafts" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"answers" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"updated_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open_submissions" (
	"submission_hash" text PRIMARY KEY NOT NULL,
	"survey_edition_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "response_ratings" (
	"response_id" uuid NOT NULL,
	"survey_edition_id" integer NOT NULL,
	"block_key" text NOT NULL,
	"unit_id" integer NOT NULL,
	"item" text NOT NULL,
	"value" double precision,
	"raw" jsonb,
	"dont_know" boolean DEFAULT false NOT NULL,
	CONSTRAINT "response_ratings_response_id_unit_id_item_pk" PRIMARY KEY("response_id","unit_id","item")
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survey_edition_id" integer NOT NULL,
	"channel" text NOT NULL,
	"submitted_on" date NOT NULL,
	"open_mode" boolean DEFAULT false NOT NULL,
	"completion_minutes" smallint,
	"profile" jsonb NOT NULL,
	"answers" jsonb NOT NULL,
	"quality_flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"survey_edition_id" integer NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	"draft_started" boolean DEFAULT false NOT NULL,
	"submission_hash" text,
	CONSTRAINT "survey_codes_used_hash" CHECK ("survey_codes"."submission_hash" is null or "survey_codes"."used")
);
--> statement-breakpoint
CREATE TABLE "survey_edition_units" (
	"survey_edition_id" integer NOT NULL,
	"block_key" text NOT NULL,
	"unit_id" integer NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "survey_edition_units_survey_edition_id_unit_id_pk" PRIMARY KEY("survey_edition_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "survey_editions" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"slug" text NOT NULL,
	"definition" jsonb NOT NULL,
	"definition_id" text NOT NULL,
	"schema_version" integer NOT NULL,
	"content_hash" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"open_mode" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_editions_edition_id_unique" UNIQUE("edition_id"),
	CONSTRAINT "survey_editions_slug_unique" UNIQUE("slug"),
	CONSTRAINT "survey_editions_window" CHECK ("survey_editions"."opens_on" <= "survey_editions"."closes_on")
);
--> statement-breakpoint
ALTER TABLE "code_firms" ADD CONSTRAINT "code_firms_code_hash_survey_codes_code_hash_fk" FOREIGN KEY ("code_hash") REFERENCES "public"."survey_codes"("code_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_code_hash_survey_codes_code_hash_fk" FOREIGN KEY ("code_hash") REFERENCES "public"."survey_codes"("code_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_submissions" ADD CONSTRAINT "open_submissions_survey_edition_id_survey_editions_id_fk" FOREIGN KEY ("survey_edition_id") REFERENCES "public"."survey_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_ratings" ADD CONSTRAINT "response_ratings_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_ratings" ADD CONSTRAINT "response_ratings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_survey_edition_id_survey_editions_id_fk" FOREIGN KEY ("survey_edition_id") REFERENCES "public"."survey_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_codes" ADD CONSTRAINT "survey_codes_survey_edition_id_survey_editions_id_fk" FOREIGN KEY ("survey_edition_id") REFERENCES "public"."survey_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_edition_units" ADD CONSTRAINT "survey_edition_units_survey_edition_id_survey_editions_id_fk" FOREIGN KEY ("survey_edition_id") REFERENCES "public"."survey_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_edition_units" ADD CONSTRAINT "survey_edition_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_editions" ADD CONSTRAINT "survey_editions_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "response_ratings_unit_item" ON "response_ratings" USING btree ("survey_edition_id","unit_id","item");--> statement-breakpoint
CREATE INDEX "responses_edition" ON "responses" USING btree ("survey_edition_id","flagged");--> statement-breakpoint
CREATE INDEX "survey_codes_edition" ON "survey_codes" USING btree ("survey_edition_id");--> statement-breakpoint
CREATE INDEX "survey_edition_units_block" ON "survey_edition_units" USING btree ("survey_edition_id","block_key");