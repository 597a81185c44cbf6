/** Setup file of the browser projects: a test in which Lit warns fails. */
import { afterEach, beforeEach, expect } from "vitest";
import { forgetLitWarnings, takeLitWarnings } from "./lit-warnings.js";

beforeEach(forgetLitWarnings);

afterEach(() => {
  expect(takeLitWarnings(), "Lit's development warnings").toEqual([]);
});
