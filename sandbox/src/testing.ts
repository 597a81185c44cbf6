/**
 * For tests that need an HTTP peer other than the sandbox (a store's notification URL, a scripted gateway, a
 * recording proxy): one throw-away server that records what it receives. Node only.
 */
export { startTestServer, type Received, type Reply, type TestServer } from "./test-server.js";
