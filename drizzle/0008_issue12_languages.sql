CREATE TYPE "public"."locale" AS ENUM('en', 'es');--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "language" "locale" DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "class_series" ADD COLUMN "language" "locale";