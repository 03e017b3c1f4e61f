CREATE TABLE "step_blobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" text NOT NULL,
	"step_key" text NOT NULL,
	"data" jsonb NOT NULL,
	"size_bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "run_steps" DROP CONSTRAINT "run_steps_attempt_uq";--> statement-breakpoint
ALTER TABLE "run_steps" ADD COLUMN "step_key" text NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "test_graph" jsonb;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "retry_of" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "retry_mode" text;--> statement-breakpoint
ALTER TABLE "step_blobs" ADD CONSTRAINT "step_blobs_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_steps" ADD CONSTRAINT "run_steps_attempt_uq" UNIQUE("run_id","step_key","attempt");