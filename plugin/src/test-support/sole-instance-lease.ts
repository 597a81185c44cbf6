import type { Lease } from "../core/lease";

/** One process: every beat runs. */
export const SOLE_INSTANCE_LEASE: Lease = { beat: (_key, _spacing, job) => job() };
