ALTER TABLE "release_scores" ALTER COLUMN "rank_best" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "release_scores" ALTER COLUMN "rank_worst" SET DATA TYPE double precision;