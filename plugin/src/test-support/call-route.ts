/** What a route handler sent: the headers it set and the JSON body. */
export interface SentResponse {
  headers: Record<string, string>;
  body?: unknown;
}

/** Calls a route handler with `req` and a response that records what the handler sends. */
export async function callRoute(handler: (req: never, res: never) => Promise<void>, req: object): Promise<SentResponse> {
  const sent: SentResponse = { headers: {} };
  const res = {
    set(name: string, value: string) {
      sent.headers[name] = value;
      return res;
    },
    json(body: unknown) {
      sent.body = body;
      return res;
    },
  };
  await handler(req as never, res as never);
  return sent;
}
