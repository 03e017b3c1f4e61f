DROP INDEX "runs_workflow_idx";--> statement-breakpoint
DROP INDEX "runs_workspace_status_idx";--> statement-breakpoint
CREATE INDEX "runs_workspace_created_idx" ON "runs" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "runs_workspace_status_created_idx" ON "runs" USING btree ("workspace_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "runs_workspace_trigger_created_idx" ON "runs" USING btree ("workspace_id",("trigger"->>'kind'),"created_at","id");--> statement-breakpoint
CREATE INDEX "runs_workflow_created_idx" ON "runs" USING btree ("workflow_id","created_at","id");--> statement-breakpoint
CREATE INDEX "runs_version_created_idx" ON "runs" USING btree ("workflow_version_id","created_at","id");