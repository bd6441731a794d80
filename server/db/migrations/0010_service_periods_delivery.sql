CREATE TABLE "service_delivery" (
	"unit_id" integer NOT NULL,
	"period" integer NOT NULL,
	"received" integer,
	"on_time" double precision,
	"online" double precision,
	"e_result" double precision,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_delivery_unit_id_period_pk" PRIMARY KEY("unit_id","period"),
	CONSTRAINT "service_delivery_period" CHECK ("service_delivery"."period" % 100 between 1 and 12 and "service_delivery"."period" between 200001 and 210012),
	CONSTRAINT "service_delivery_received" CHECK ("service_delivery"."received" is null or "service_delivery"."received" >= 0),
	CONSTRAINT "service_delivery_shares" CHECK (("service_delivery"."on_time" is null or "service_delivery"."on_time" between 0 and 1) and ("service_delivery"."online" is null or "service_delivery"."online" between 0 and 1) and ("service_delivery"."e_result" is null or "service_delivery"."e_result" between 0 and 1))
);
--> statement-breakpoint
ALTER TABLE "editions" DROP CONSTRAINT "editions_year";--> statement-breakpoint
ALTER TABLE "family_settings" ADD COLUMN "edition_period" text;--> statement-breakpoint
ALTER TABLE "service_delivery" ADD CONSTRAINT "service_delivery_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_year" CHECK ("editions"."year" between 2000 and 2100 or ("editions"."year" between 200001 and 210012 and "editions"."year" % 100 between 1 and 12));