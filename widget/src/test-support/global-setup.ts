import type { TestProject } from "vitest/node";
import { StatusServer } from "./status-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    statusServerUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = new StatusServer();
  project.provide("statusServerUrl", await server.start());
  return () => server.stop();
}
