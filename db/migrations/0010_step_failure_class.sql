ALTER TABLE "run_steps" ADD COLUMN "error_category" text;--> statement-breakpoint
ALTER TABLE "run_steps" ADD COLUMN "error_retryable" boolean;--> statement-breakpoint
ALTER TABLE "run_steps" ADD COLUMN "error_reason" text;