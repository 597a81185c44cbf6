import type { RemoteQueryFunction } from "@medusajs/framework/types";

/** What a test's query is asked. */
export interface GraphCall {
  entity: string;
  fields: string[];
  filters?: unknown;
}

/** Medusa's query (`ContainerRegistrationKeys.QUERY`) whose `graph` answers the rows `rowsFor` gives for each call. */
export function fakeQuery(rowsFor: (call: GraphCall) => unknown[]): Pick<RemoteQueryFunction, "graph"> {
  const graph = async (call: GraphCall) => ({ data: rowsFor(call) });
  return { graph: graph as unknown as RemoteQueryFunction["graph"] };
}
