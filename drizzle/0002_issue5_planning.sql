CREATE TABLE "pool_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"water_temp_c" numeric(4, 1) NOT NULL,
	"free_chlorine_ppm" numeric(4, 2) NOT NULL,
	"ph" numeric(3, 1) NOT NULL,
	"emergency_equipment_checked" boolean NOT NULL,
	"rescuer_present" boolean NOT NULL,
	"override_reason" text,
	"user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "pool_ranges" jsonb;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "default_exertion_scale" text DEFAULT 'borg_6_20' NOT NULL;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "media_file" text;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "media_type" text;--> statement-breakpoint
ALTER TABLE "class_series" ADD COLUMN "assistant_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD COLUMN "assistant_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD COLUMN "occurrence_date" date;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD COLUMN "change_reason" text;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "override_reason" text;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "override_by" uuid;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "promoted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pool_checks" ADD CONSTRAINT "pool_checks_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_checks" ADD CONSTRAINT "pool_checks_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_checks" ADD CONSTRAINT "pool_checks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_override_by_users_id_fk" FOREIGN KEY ("override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "class_sessions_occurrence_unique" ON "class_sessions" USING btree ("series_id","occurrence_date") WHERE "class_sessions"."occurrence_date" is not null;