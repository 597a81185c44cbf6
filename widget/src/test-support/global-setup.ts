import type { TestProject } from "vitest/node";
import { StatusServer } from "./status-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    statusServerUrl: string;
    /** Which of Lit's builds the project's tests run against (vitest.config.ts). */
    litBuild: "development" | "production";
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = new StatusServer();
  project.provide("statusServerUrl", await server.start());
  return () => server.stop();
}
