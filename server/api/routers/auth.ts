import { signUpInput } from "../../auth/policy";
import { signUp } from "../../auth/users";
import { githubEnabled } from "../../auth";
import { publicProcedure, router } from "../trpc";

export const authRouter = router({
  /** Creates the account and its personal workspace; the client then signs in through next-auth. */
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx.db, input)),
  /** Which sign-in methods this install offers, so the sign-in page shows only working buttons. */
  providers: publicProcedure.query(() => ({ github: githubEnabled() })),
});
