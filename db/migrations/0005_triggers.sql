CREATE TABLE "app_webhook_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hook_id" text NOT NULL,
	"workflow_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"integration" text NOT NULL,
	"integration_version" text NOT NULL,
	"trigger_key" text NOT NULL,
	"connection_id" text,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_hash" text NOT NULL,
	"webhook_url" text NOT NULL,
	"secret_ciphertext" "bytea" NOT NULL,
	"secret_key_version" integer NOT NULL,
	"state" jsonb,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_webhook_subscriptions_hook_id_unique" UNIQUE("hook_id"),
	CONSTRAINT "app_webhook_subscriptions_workflow_id_unique" UNIQUE("workflow_id")
);
--> statement-breakpoint
CREATE TABLE "polling_trigger_items" (
	"polling_trigger_id" uuid NOT NULL,
	"dedupe_key" text NOT NULL,
	"run_id" text,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	CONSTRAINT "polling_trigger_items_polling_trigger_id_dedupe_key_pk" PRIMARY KEY("polling_trigger_id","dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "polling_triggers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workflow_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"integration" text NOT NULL,
	"integration_version" text NOT NULL,
	"trigger_key" text NOT NULL,
	"connection_id" text,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_hash" text NOT NULL,
	"interval_seconds" integer NOT NULL,
	"cursor" jsonb,
	"seeded" boolean DEFAULT false NOT NULL,
	"last_polled_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "polling_triggers_workflow_id_unique" UNIQUE("workflow_id")
);
--> statement-breakpoint
ALTER TABLE "app_webhook_subscriptions" ADD CONSTRAINT "app_webhook_subscriptions_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_webhook_subscriptions" ADD CONSTRAINT "app_webhook_subscriptions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_webhook_subscriptions" ADD CONSTRAINT "app_webhook_subscriptions_version_id_workflow_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."workflow_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polling_trigger_items" ADD CONSTRAINT "polling_trigger_items_polling_trigger_id_polling_triggers_id_fk" FOREIGN KEY ("polling_trigger_id") REFERENCES "public"."polling_triggers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polling_triggers" ADD CONSTRAINT "polling_triggers_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polling_triggers" ADD CONSTRAINT "polling_triggers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polling_triggers" ADD CONSTRAINT "polling_triggers_version_id_workflow_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."workflow_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "polling_trigger_items_seen_idx" ON "polling_trigger_items" USING btree ("polling_trigger_id","first_seen_at");