CREATE TYPE "public"."role" AS ENUM('coordinator', 'technician');--> statement-breakpoint
CREATE TYPE "public"."room_kind" AS ENUM('gym', 'pool');--> statement-breakpoint
CREATE TYPE "public"."assistive_device" AS ENUM('none', 'cane', 'quad_cane', 'walker', 'rollator', 'wheelchair', 'other');--> statement-breakpoint
CREATE TYPE "public"."block_kind" AS ENUM('exercise', 'rest', 'transition');--> statement-breakpoint
CREATE TYPE "public"."exercise_category" AS ENUM('balance_static', 'balance_dynamic', 'core', 'strength', 'flexibility', 'aerobic', 'aquatic_method');--> statement-breakpoint
CREATE TYPE "public"."phase" AS ENUM('warm_up', 'main', 'cool_down');--> statement-breakpoint
CREATE TYPE "public"."water_depth" AS ENUM('mid_thigh', 'hip', 'waist', 'mid_chest', 'neck');--> statement-breakpoint
CREATE TYPE "public"."class_session_status" AS ENUM('scheduled', 'live', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."class_type" AS ENUM('balance', 'core', 'aquatic');--> statement-breakpoint
CREATE TYPE "public"."enrollment_status" AS ENUM('enrolled', 'waitlisted', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."exertion_scale" AS ENUM('borg_6_20', 'borg_cr10');--> statement-breakpoint
CREATE TABLE "clinics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" "room_kind" NOT NULL,
	"capacity" integer NOT NULL,
	"water_temp_min_c" numeric(4, 1),
	"water_temp_max_c" numeric(4, 1),
	"participants_per_staff" integer,
	"speak_exercise_names" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "rooms_capacity_positive" CHECK ("rooms"."capacity" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"display_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"precautions" text DEFAULT '' NOT NULL,
	"assistive_device" "assistive_device" DEFAULT 'none' NOT NULL,
	"aquatic_screening" jsonb DEFAULT '{"screenedOn":null,"exclusions":[],"precautions":[]}'::jsonb NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"emergency_contact" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"display_cue" text NOT NULL,
	"technician_notes" text DEFAULT '' NOT NULL,
	"category" "exercise_category" NOT NULL,
	"dosing" jsonb NOT NULL,
	"support_tiers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"equipment" text[] DEFAULT '{}'::text[] NOT NULL,
	"water_depth" "water_depth",
	"contraindications" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "routine_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"routine_version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"phase" "phase" NOT NULL,
	"kind" "block_kind" NOT NULL,
	"exercise_id" uuid,
	"dosing" jsonb,
	"seconds" integer,
	"label" text DEFAULT '' NOT NULL,
	CONSTRAINT "routine_blocks_shape" CHECK (("routine_blocks"."kind" = 'exercise' and "routine_blocks"."exercise_id" is not null)
				or ("routine_blocks"."kind" <> 'exercise' and "routine_blocks"."seconds" between 1 and 3600))
);
--> statement-breakpoint
CREATE TABLE "routine_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"routine_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "class_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" "class_type" NOT NULL,
	"room_id" uuid NOT NULL,
	"routine_id" uuid NOT NULL,
	"lead_user_id" uuid,
	"capacity" integer NOT NULL,
	"exertion_scale" "exertion_scale" DEFAULT 'borg_6_20' NOT NULL,
	"rrule" text NOT NULL,
	"start_time" time NOT NULL,
	"duration_minutes" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "class_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"series_id" uuid,
	"name" text NOT NULL,
	"type" "class_type" NOT NULL,
	"room_id" uuid NOT NULL,
	"routine_version_id" uuid NOT NULL,
	"lead_user_id" uuid,
	"capacity" integer NOT NULL,
	"exertion_scale" "exertion_scale" DEFAULT 'borg_6_20' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"status" "class_session_status" DEFAULT 'scheduled' NOT NULL,
	"plan" jsonb,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_sessions_capacity_positive" CHECK ("class_sessions"."capacity" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"series_id" uuid,
	"session_id" uuid,
	"status" "enrollment_status" DEFAULT 'enrolled' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrollments_target" CHECK (("enrollments"."series_id" is null) <> ("enrollments"."session_id" is null))
);
--> statement-breakpoint
CREATE TABLE "class_commands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"command" jsonb NOT NULL,
	"user_id" uuid NOT NULL,
	"client_command_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "displays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"paired_by" uuid,
	"paired_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"volume" integer DEFAULT 80 NOT NULL,
	"muted" boolean DEFAULT false NOT NULL,
	CONSTRAINT "displays_volume_range" CHECK ("displays"."volume" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "pairing_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"claim_secret_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"display_id" uuid,
	"device_token" text
);
--> statement-breakpoint
CREATE TABLE "participant_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"supersedes" uuid,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"device_id" text NOT NULL,
	"block_index" integer,
	"block_second" integer,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_blocks" ADD CONSTRAINT "routine_blocks_routine_version_id_routine_versions_id_fk" FOREIGN KEY ("routine_version_id") REFERENCES "public"."routine_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_blocks" ADD CONSTRAINT "routine_blocks_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_versions" ADD CONSTRAINT "routine_versions_routine_id_routines_id_fk" FOREIGN KEY ("routine_id") REFERENCES "public"."routines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_versions" ADD CONSTRAINT "routine_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routines" ADD CONSTRAINT "routines_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_series" ADD CONSTRAINT "class_series_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_series" ADD CONSTRAINT "class_series_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_series" ADD CONSTRAINT "class_series_routine_id_routines_id_fk" FOREIGN KEY ("routine_id") REFERENCES "public"."routines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_series" ADD CONSTRAINT "class_series_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_series_id_class_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."class_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_routine_version_id_routine_versions_id_fk" FOREIGN KEY ("routine_version_id") REFERENCES "public"."routine_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_series_id_class_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."class_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_commands" ADD CONSTRAINT "class_commands_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_commands" ADD CONSTRAINT "class_commands_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_commands" ADD CONSTRAINT "class_commands_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "displays" ADD CONSTRAINT "displays_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "displays" ADD CONSTRAINT "displays_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "displays" ADD CONSTRAINT "displays_paired_by_users_id_fk" FOREIGN KEY ("paired_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_codes" ADD CONSTRAINT "pairing_codes_display_id_displays_id_fk" FOREIGN KEY ("display_id") REFERENCES "public"."displays"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_entries" ADD CONSTRAINT "participant_entries_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_entries" ADD CONSTRAINT "participant_entries_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_entries" ADD CONSTRAINT "participant_entries_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_entries" ADD CONSTRAINT "participant_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_clinic_name_unique" ON "rooms" USING btree ("clinic_id","name");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "participants_clinic_idx" ON "participants" USING btree ("clinic_id","last_name");--> statement-breakpoint
CREATE UNIQUE INDEX "exercises_clinic_name_unique" ON "exercises" USING btree ("clinic_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "routine_blocks_position_unique" ON "routine_blocks" USING btree ("routine_version_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "routine_versions_unique" ON "routine_versions" USING btree ("routine_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "routines_clinic_name_unique" ON "routines" USING btree ("clinic_id","name");--> statement-breakpoint
CREATE INDEX "class_sessions_clinic_start_idx" ON "class_sessions" USING btree ("clinic_id","starts_at");--> statement-breakpoint
CREATE INDEX "class_sessions_room_start_idx" ON "class_sessions" USING btree ("room_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "class_sessions_one_live_per_room" ON "class_sessions" USING btree ("room_id") WHERE "class_sessions"."status" = 'live';--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_series_unique" ON "enrollments" USING btree ("participant_id","series_id") WHERE "enrollments"."series_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_session_unique" ON "enrollments" USING btree ("participant_id","session_id") WHERE "enrollments"."session_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "class_commands_seq_unique" ON "class_commands" USING btree ("session_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "class_commands_client_id_unique" ON "class_commands" USING btree ("client_command_id");--> statement-breakpoint
CREATE INDEX "class_commands_session_idx" ON "class_commands" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "displays_token_unique" ON "displays" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "participant_entries_session_idx" ON "participant_entries" USING btree ("session_id","participant_id");--> statement-breakpoint
CREATE INDEX "participant_entries_supersedes_idx" ON "participant_entries" USING btree ("supersedes");