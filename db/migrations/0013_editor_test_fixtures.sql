CREATE TABLE "workflow_fixtures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"workflow_id" uuid NOT NULL,
	"name" text NOT NULL,
	"trigger" jsonb NOT NULL,
	"pinned" jsonb,
	"source" text NOT NULL,
	"source_run_id" text,
	"draft_revision" integer NOT NULL,
	"version_id" uuid,
	"size_bytes" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_fixtures_name_uq" UNIQUE("workflow_id","name")
);
--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "fixture_id" uuid;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "fixture_name" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "test_scope" jsonb;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "test_pins" jsonb;--> statement-breakpoint
ALTER TABLE "workflow_fixtures" ADD CONSTRAINT "workflow_fixtures_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_fixtures" ADD CONSTRAINT "workflow_fixtures_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_fixtures" ADD CONSTRAINT "workflow_fixtures_version_id_workflow_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."workflow_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_fixtures" ADD CONSTRAINT "workflow_fixtures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workflow_fixtures_workflow_idx" ON "workflow_fixtures" USING btree ("workflow_id","created_at");--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_fixture_id_workflow_fixtures_id_fk" FOREIGN KEY ("fixture_id") REFERENCES "public"."workflow_fixtures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_test_data_only_in_tests" CHECK ("runs"."workflow_version_id" IS NULL OR ("runs"."fixture_id" IS NULL AND "runs"."fixture_name" IS NULL AND "runs"."test_scope" IS NULL AND "runs"."test_pins" IS NULL));