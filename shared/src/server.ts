/** Server entry: everything in the browser entry plus signing, verification, the client and notification parsing. */
export * from "./index.js";
export * from "./signing.js";
export * from "./client/index.js";
