CREATE TABLE "class_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text,
	"kind" "class_type" NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "class_types_named" CHECK ("class_types"."builtin" or "class_types"."name" is not null)
);
--> statement-breakpoint
ALTER TABLE "class_series" ADD COLUMN "class_type_id" uuid;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD COLUMN "class_type_id" uuid;--> statement-breakpoint
ALTER TABLE "class_types" ADD CONSTRAINT "class_types_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "class_types_builtin_unique" ON "class_types" USING btree ("clinic_id","kind") WHERE "class_types"."builtin";--> statement-breakpoint
CREATE UNIQUE INDEX "class_types_name_unique" ON "class_types" USING btree ("clinic_id",lower("name")) WHERE "class_types"."name" is not null and "class_types"."archived_at" is null;--> statement-breakpoint
ALTER TABLE "class_series" ADD CONSTRAINT "class_series_class_type_id_class_types_id_fk" FOREIGN KEY ("class_type_id") REFERENCES "public"."class_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_class_type_id_class_types_id_fk" FOREIGN KEY ("class_type_id") REFERENCES "public"."class_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Every clinic gets the three built-in class types (worded by the catalog while unnamed); clinics
-- made later get them when first asked (ensureBuiltinClassTypes).
INSERT INTO "class_types" ("clinic_id", "kind", "builtin")
SELECT "clinics"."id", "k"."kind"::"class_type", true
FROM "clinics" CROSS JOIN (VALUES ('balance'), ('core'), ('aquatic')) AS "k"("kind");--> statement-breakpoint
-- Existing series and sessions point at the built-in type of their kind.
UPDATE "class_series" SET "class_type_id" = "t"."id" FROM "class_types" AS "t"
WHERE "t"."clinic_id" = "class_series"."clinic_id" AND "t"."builtin" AND "t"."kind" = "class_series"."type";--> statement-breakpoint
UPDATE "class_sessions" SET "class_type_id" = "t"."id" FROM "class_types" AS "t"
WHERE "t"."clinic_id" = "class_sessions"."clinic_id" AND "t"."builtin" AND "t"."kind" = "class_sessions"."type";
