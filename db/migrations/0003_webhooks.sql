CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hook_id" text NOT NULL,
	"delivery_id" text NOT NULL,
	"run_id" text NOT NULL,
	"execution_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_uq" UNIQUE("hook_id","delivery_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hook_id" text NOT NULL,
	"workspace_id" uuid NOT NULL,
	"workflow_id" uuid NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"version_id" uuid,
	"methods" text[] DEFAULT '{"POST"}' NOT NULL,
	"preset" text DEFAULT 'none' NOT NULL,
	"verification" jsonb DEFAULT '{"preset":"none"}'::jsonb NOT NULL,
	"mode" text DEFAULT 'async' NOT NULL,
	"sync_timeout_ms" integer DEFAULT 10000 NOT NULL,
	"body_type" text DEFAULT 'json' NOT NULL,
	"limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"secrets_ciphertext" "bytea",
	"secrets_key_version" integer,
	"secret_set_at" timestamp with time zone,
	"previous_secret_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_endpoints_hook_id_unique" UNIQUE("hook_id"),
	CONSTRAINT "webhook_endpoints_workflow_id_unique" UNIQUE("workflow_id")
);
--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_version_id_workflow_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."workflow_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_endpoints_workspace_idx" ON "webhook_endpoints" USING btree ("workspace_id");