import type { IncomingMessage } from "node:http";

/** Notifications are small; anything bigger is not from QFPay. */
const MAX_BYTES = 64 * 1024;

/**
 * The request body exactly as received: the bytes Medusa's body parser preserved (`preserveRawBody`), or, for a
 * content type no parser took, the unread stream itself. The signature is computed over these bytes.
 */
export async function rawBodyOf(req: IncomingMessage & { rawBody?: unknown; body?: unknown }): Promise<Buffer> {
  if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
  if (typeof req.rawBody === "string") return Buffer.from(req.rawBody, "utf8");
  if (req.readable && !req.readableEnded) return readStream(req);
  if (typeof req.body === "string") return Buffer.from(req.body, "utf8");
  return Buffer.alloc(0);
}

async function readStream(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > MAX_BYTES) throw new Error(`Notification body larger than ${MAX_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
