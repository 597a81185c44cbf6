import type { z } from "zod";

/** "path: message" lines for a zod error, values left out (they may be secrets or personal data). */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`);
}
