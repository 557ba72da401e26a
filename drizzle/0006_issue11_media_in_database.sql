CREATE TABLE "media_files" (
	"name" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_files_size_cap" CHECK (octet_length("media_files"."bytes") <= 5242880),
	CONSTRAINT "media_files_size_matches" CHECK ("media_files"."size" = octet_length("media_files"."bytes"))
);
--> statement-breakpoint
-- Uncompressed and out of line: a range request reads its slice only (see schema/media.ts).
ALTER TABLE "media_files" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
