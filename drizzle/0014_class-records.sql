ALTER TYPE "public"."role" ADD VALUE 'therapist';--> statement-breakpoint
CREATE TABLE "class_note_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"text" text NOT NULL,
	"user_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"author_credentials" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "class_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"draft" jsonb NOT NULL,
	"draft_version" integer DEFAULT 1 NOT NULL,
	"drafted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"cues" text DEFAULT '' NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"signed_by" uuid,
	"signed_at" timestamp (3) with time zone,
	"signer_name" text,
	"signer_credentials" text,
	"cosigned_by" uuid,
	"cosigned_at" timestamp (3) with time zone,
	"cosigner_name" text,
	"cosigner_credentials" text,
	CONSTRAINT "class_notes_state" CHECK ("class_notes"."state" in ('open', 'signed', 'amended')),
	CONSTRAINT "class_notes_signed_has_signer" CHECK (("class_notes"."state" = 'open') = ("class_notes"."signed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "handout_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"session_id" uuid,
	"token_hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "participant_identifiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"system" text NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participant_identifiers_kind" CHECK ("participant_identifiers"."kind" in ('mrn', 'ehr'))
);
--> statement-breakpoint
CREATE TABLE "record_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"device" text DEFAULT '' NOT NULL,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"participant_id" uuid,
	"session_id" uuid,
	"subject_id" uuid,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "record_audit_action" CHECK ("record_audit"."action" in ('viewed', 'created', 'changed', 'signed', 'cosigned', 'amended', 'exported', 'link_created', 'link_opened', 'link_revoked'))
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "require_cosign" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "contact" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "credentials" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD COLUMN "plan_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "class_commands" ADD COLUMN "command_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "participant_entries" ADD COLUMN "payload_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "participant_entries" ADD COLUMN "findings_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "class_note_addenda" ADD CONSTRAINT "class_note_addenda_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_note_addenda" ADD CONSTRAINT "class_note_addenda_note_id_class_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."class_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_note_addenda" ADD CONSTRAINT "class_note_addenda_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_notes" ADD CONSTRAINT "class_notes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_notes" ADD CONSTRAINT "class_notes_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_notes" ADD CONSTRAINT "class_notes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_notes" ADD CONSTRAINT "class_notes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_notes" ADD CONSTRAINT "class_notes_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_notes" ADD CONSTRAINT "class_notes_cosigned_by_users_id_fk" FOREIGN KEY ("cosigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_links" ADD CONSTRAINT "handout_links_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_links" ADD CONSTRAINT "handout_links_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_links" ADD CONSTRAINT "handout_links_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_links" ADD CONSTRAINT "handout_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_links" ADD CONSTRAINT "handout_links_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_identifiers" ADD CONSTRAINT "participant_identifiers_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_identifiers" ADD CONSTRAINT "participant_identifiers_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_audit" ADD CONSTRAINT "record_audit_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_audit" ADD CONSTRAINT "record_audit_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_audit" ADD CONSTRAINT "record_audit_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_audit" ADD CONSTRAINT "record_audit_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "class_note_addenda_note_idx" ON "class_note_addenda" USING btree ("note_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "class_notes_session_participant_unique" ON "class_notes" USING btree ("session_id","participant_id");--> statement-breakpoint
CREATE INDEX "class_notes_participant_idx" ON "class_notes" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "class_notes_unsigned_idx" ON "class_notes" USING btree ("clinic_id","state","drafted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "handout_links_token_unique" ON "handout_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "handout_links_participant_idx" ON "handout_links" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participant_identifiers_unique" ON "participant_identifiers" USING btree ("clinic_id","system","value");--> statement-breakpoint
CREATE INDEX "participant_identifiers_participant_idx" ON "participant_identifiers" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "record_audit_participant_idx" ON "record_audit" USING btree ("clinic_id","participant_id","at");--> statement-breakpoint
CREATE INDEX "record_audit_session_idx" ON "record_audit" USING btree ("clinic_id","session_id","at");--> statement-breakpoint
CREATE INDEX "participant_entries_participant_time_idx" ON "participant_entries" USING btree ("participant_id","recorded_at");--> statement-breakpoint
CREATE INDEX "participant_entries_clinic_time_idx" ON "participant_entries" USING btree ("clinic_id","recorded_at");--> statement-breakpoint
CREATE VIEW "public"."current_participant_entries" AS (select "id", "clinic_id", "session_id", "participant_id", "kind", "payload", "payload_version", "findings_version", "supersedes", "recorded_at", "received_at", "user_id", "device_id", "block_index", "block_second", "findings" from "participant_entries" where "participant_entries"."kind" <> 'retraction' and not exists (select 1 from participant_entries later where later.supersedes = "participant_entries"."id"));