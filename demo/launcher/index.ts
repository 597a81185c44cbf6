export { startStack, DEFAULT_PORTS, PORT_VARIABLES, type Stack, type StackOptions, type StackPorts } from "./stack.js";
export { MedusaStartError, startMedusa, type RunningMedusa } from "./medusa.js";
export { medusaUrl, type MedusaSetup, type WorkerMode } from "./medusa-env.js";
export { type SeedState } from "./medusa-data.js";
export { startRedis, type RunningRedis } from "./redis.js";
export { PortInUseError, findFreePort, HOST } from "./ports.js";
export { realQfpayFromEnv, type QfpayConnection } from "./qfpay-connection.js";
export { notifyUrlFor } from "./sandbox.js";
