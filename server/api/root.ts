import { adminRouter } from "./routers/admin";
import { authRouter } from "./routers/auth";
import { connectionRouter } from "./routers/connection";
import { fixtureRouter } from "./routers/fixture";
import { integrationRouter } from "./routers/integration";
import { invitationRouter } from "./routers/invitation";
import { meRouter } from "./routers/me";
import { runRouter } from "./routers/run";
import { testRunRouter } from "./routers/test-run";
import { triggerRouter } from "./routers/trigger";
import { webhookRouter } from "./routers/webhook";
import { workflowRouter } from "./routers/workflow";
import { workspaceRouter } from "./routers/workspace";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  me: meRouter,
  workspace: workspaceRouter,
  invitation: invitationRouter,
  workflow: workflowRouter,
  run: runRouter,
  fixture: fixtureRouter,
  testRun: testRunRouter,
  connection: connectionRouter,
  trigger: triggerRouter,
  integration: integrationRouter,
  admin: adminRouter,
  webhook: webhookRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls (server components, tests) through the same procedures and checks as HTTP. */
export const createCaller = createCallerFactory(appRouter);
