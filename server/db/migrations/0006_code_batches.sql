CREATE TABLE "code_batch_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"batch_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "code_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"survey_edition_id" integer NOT NULL,
	"label" text NOT NULL,
	"issued" integer NOT NULL,
	"revoked" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "code_batch_codes" ADD CONSTRAINT "code_batch_codes_code_hash_survey_codes_code_hash_fk" FOREIGN KEY ("code_hash") REFERENCES "public"."survey_codes"("code_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_batch_codes" ADD CONSTRAINT "code_batch_codes_batch_id_code_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."code_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_batches" ADD CONSTRAINT "code_batches_survey_edition_id_survey_editions_id_fk" FOREIGN KEY ("survey_edition_id") REFERENCES "public"."survey_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_batches" ADD CONSTRAINT "code_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "code_batch_codes_batch" ON "code_batch_codes" USING btree ("batch_id");