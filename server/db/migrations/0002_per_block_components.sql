ALTER TABLE "edition_components" DROP CONSTRAINT "edition_components_pk";--> statement-breakpoint
ALTER TABLE "indicators" DROP CONSTRAINT "indicators_edition_component_code";--> statement-breakpoint
ALTER TABLE "edition_components" ADD COLUMN "block_id" integer;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "block_id" integer;--> statement-breakpoint
ALTER TABLE "edition_components" ADD CONSTRAINT "edition_components_block_id_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."blocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_block_id_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."blocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_components" ADD CONSTRAINT "edition_components_pk" UNIQUE NULLS NOT DISTINCT("edition_id","component_id","block_id");--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_edition_component_code" UNIQUE NULLS NOT DISTINCT("edition_id","component_id","code","block_id");