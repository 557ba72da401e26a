CREATE TABLE "class_session_reopenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"epoch" integer NOT NULL,
	"previous_status" "class_session_status" NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "class_commands_seq_unique";--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "start_window_before_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "start_window_after_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "documentation_window_hours" integer DEFAULT 72 NOT NULL;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD COLUMN "log_epoch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "class_commands" ADD COLUMN "epoch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "class_session_reopenings" ADD CONSTRAINT "class_session_reopenings_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_session_reopenings" ADD CONSTRAINT "class_session_reopenings_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_session_reopenings" ADD CONSTRAINT "class_session_reopenings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "class_session_reopenings_session_idx" ON "class_session_reopenings" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "class_commands_seq_unique" ON "class_commands" USING btree ("session_id","epoch","seq");