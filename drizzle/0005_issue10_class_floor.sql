CREATE TABLE "class_alert_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"action" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_alert_actions_action" CHECK ("class_alert_actions"."action" in ('seen', 'sit_out', 'recheck', 'stop_class'))
);
--> statement-breakpoint
ALTER TABLE "class_commands" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "display_controls" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "routine_versions" ADD COLUMN "transition_seconds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "routine_versions" ADD COLUMN "wait_for_done" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "class_commands" ADD COLUMN "display_id" uuid;--> statement-breakpoint
ALTER TABLE "displays" ADD COLUMN "name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "class_alert_actions" ADD CONSTRAINT "class_alert_actions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_alert_actions" ADD CONSTRAINT "class_alert_actions_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_alert_actions" ADD CONSTRAINT "class_alert_actions_entry_id_participant_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."participant_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_alert_actions" ADD CONSTRAINT "class_alert_actions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "class_alert_actions_session_idx" ON "class_alert_actions" USING btree ("session_id","entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "class_alert_actions_seen_once" ON "class_alert_actions" USING btree ("entry_id","user_id") WHERE "class_alert_actions"."action" = 'seen';--> statement-breakpoint
ALTER TABLE "class_commands" ADD CONSTRAINT "class_commands_display_id_displays_id_fk" FOREIGN KEY ("display_id") REFERENCES "public"."displays"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_versions" ADD CONSTRAINT "routine_versions_transition_range" CHECK ("routine_versions"."transition_seconds" between 0 and 120);--> statement-breakpoint
ALTER TABLE "class_commands" ADD CONSTRAINT "class_commands_one_actor" CHECK (("class_commands"."user_id" is null) <> ("class_commands"."display_id" is null));--> statement-breakpoint
-- Transitions become a routine setting. Each version takes the longest "get ready" it had (at
-- most 120 s); the plan puts one before every exercise that follows another, which is where the
-- demo routines and the builder's own habit put them, so existing routines run as before.
UPDATE "routine_versions" AS v SET "transition_seconds" = least(120, t.seconds)
FROM (
	SELECT "routine_version_id", max("seconds") AS seconds
	FROM "routine_blocks" WHERE "kind" = 'transition' GROUP BY "routine_version_id"
) AS t
WHERE t."routine_version_id" = v."id";--> statement-breakpoint
DELETE FROM "routine_blocks" WHERE "kind" = 'transition';--> statement-breakpoint
-- Close the gaps the transitions left. Positions are unique per version, so they go negative
-- first and are then numbered again from 0.
UPDATE "routine_blocks" SET "position" = -1 - "position";--> statement-breakpoint
UPDATE "routine_blocks" AS b SET "position" = r.rank
FROM (
	SELECT "id", row_number() OVER (PARTITION BY "routine_version_id" ORDER BY "position" DESC) - 1 AS rank
	FROM "routine_blocks"
) AS r
WHERE r."id" = b."id";--> statement-breakpoint
-- Displays paired before names existed are called after their room, numbered by pairing order.
UPDATE "displays" AS d SET "name" = r."name" || ' display ' || n.number
FROM (
	SELECT "id", row_number() OVER (PARTITION BY "room_id" ORDER BY "paired_at", "id") AS number
	FROM "displays"
) AS n, "rooms" AS r
WHERE n."id" = d."id" AND r."id" = d."room_id" AND d."name" = '';
