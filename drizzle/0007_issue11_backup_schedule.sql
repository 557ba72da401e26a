CREATE TABLE "backup_schedule" (
	"name" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"process_id" text NOT NULL
);
