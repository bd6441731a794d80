CREATE TABLE "blocks" (
	"id" serial PRIMARY KEY NOT NULL,
	"family_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "blocks_family_code" UNIQUE("family_id","code")
);
--> statement-breakpoint
CREATE TABLE "editions" (
	"id" serial PRIMARY KEY NOT NULL,
	"family_id" integer NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"methodology_version" text,
	CONSTRAINT "editions_family_year" UNIQUE("family_id","year"),
	CONSTRAINT "editions_year" CHECK ("editions"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "families" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"is_demo" integer DEFAULT 0 NOT NULL,
	"source_vi" text,
	"source_en" text,
	CONSTRAINT "families_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "unit_lineage" (
	"id" serial PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"date" date NOT NULL,
	"from_unit_id" integer NOT NULL,
	"to_unit_id" integer,
	"note_vi" text,
	"note_en" text,
	CONSTRAINT "unit_lineage_event" UNIQUE NULLS NOT DISTINCT("event","from_unit_id","to_unit_id","date"),
	CONSTRAINT "unit_lineage_target" CHECK (("unit_lineage"."event" = 'abolish') = ("unit_lineage"."to_unit_id" is null))
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" serial PRIMARY KEY NOT NULL,
	"block_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"official_code" text,
	"valid_from" date,
	"valid_to" date,
	CONSTRAINT "units_block_code" UNIQUE("block_id","code"),
	CONSTRAINT "units_valid_range" CHECK ("units"."valid_to" is null or "units"."valid_from" is null or "units"."valid_from" <= "units"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "components" (
	"id" serial PRIMARY KEY NOT NULL,
	"family_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "components_family_code" UNIQUE("family_id","code")
);
--> statement-breakpoint
CREATE TABLE "edition_components" (
	"edition_id" integer NOT NULL,
	"component_id" integer NOT NULL,
	"weight" double precision,
	CONSTRAINT "edition_components_pk" UNIQUE("edition_id","component_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"value" double precision,
	"n" integer,
	"source" text NOT NULL,
	CONSTRAINT "indicator_values_unit" UNIQUE("indicator_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"component_id" integer NOT NULL,
	"code" text NOT NULL,
	"label_vi" text NOT NULL,
	"label_en" text,
	"direction" integer,
	"weight" double precision,
	"benchmark_min" double precision,
	"benchmark_max" double precision,
	"benchmark_basis" text,
	CONSTRAINT "indicators_edition_component_code" UNIQUE("edition_id","component_id","code"),
	CONSTRAINT "indicators_direction" CHECK ("indicators"."direction" is null or "indicators"."direction" in (-1, 1))
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"component_id" integer NOT NULL,
	"score" double precision,
	"rank" integer,
	"tier" text,
	"missing_reason" text,
	"source" text NOT NULL,
	CONSTRAINT "scores_edition_unit_component" UNIQUE("edition_id","unit_id","component_id"),
	CONSTRAINT "scores_rank_positive" CHECK ("scores"."rank" is null or "scores"."rank" >= 1)
);
--> statement-breakpoint
CREATE TABLE "tiers" (
	"id" serial PRIMARY KEY NOT NULL,
	"family_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "tiers_family_code" UNIQUE("family_id","code"),
	CONSTRAINT "tiers_family_name_vi" UNIQUE("family_id","name_vi")
);
--> statement-breakpoint
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_block_id_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."blocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "components" ADD CONSTRAINT "components_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_components" ADD CONSTRAINT "edition_components_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_components" ADD CONSTRAINT "edition_components_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tiers" ADD CONSTRAINT "tiers_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_lineage_to" ON "unit_lineage" USING btree ("to_unit_id");--> statement-breakpoint
CREATE INDEX "indicator_values_unit_idx" ON "indicator_values" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "scores_unit_idx" ON "scores" USING btree ("unit_id");