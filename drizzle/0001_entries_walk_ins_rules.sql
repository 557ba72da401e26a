ALTER TYPE "public"."enrollment_status" ADD VALUE 'walk_in';--> statement-breakpoint
CREATE TABLE "clinic_setting_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"setting" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participant_entries" ALTER COLUMN "participant_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "vital_rules" jsonb;--> statement-breakpoint
ALTER TABLE "clinic_setting_changes" ADD CONSTRAINT "clinic_setting_changes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_setting_changes" ADD CONSTRAINT "clinic_setting_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clinic_setting_changes_clinic_idx" ON "clinic_setting_changes" USING btree ("clinic_id","created_at");