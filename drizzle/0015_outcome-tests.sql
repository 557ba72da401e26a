CREATE TYPE "public"."norm_sex" AS ENUM('female', 'male', 'not_recorded');--> statement-breakpoint
ALTER TABLE "participant_entries" ALTER COLUMN "session_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "sex" "norm_sex" DEFAULT 'not_recorded' NOT NULL;--> statement-breakpoint
ALTER TABLE "participant_entries" ADD CONSTRAINT "participant_entries_in_a_class" CHECK ("participant_entries"."session_id" is not null or "participant_entries"."kind" = 'outcome_test');