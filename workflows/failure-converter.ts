import { DefaultFailureConverter } from "@temporalio/common";

/**
 * Failure messages and stack traces can carry run data (an HTTP body in an error message): move them into an
 * encoded attribute so the payload codec encrypts them too. The worker loads this file by path
 * (dataConverter.failureConverterPath) into the workflow sandbox, so it must stay free of Node builtins.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
