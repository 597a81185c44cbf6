/** What one checkout of the fault run goes through, drawn at random from a seeded generator. */
export type ShopperEnding = "completes" | "closes-tab" | "never-pays";
export type Fault =
  | { kind: "none" }
  | { kind: "latency"; ms: number }
  | { kind: "http5xx"; count: number }
  | { kind: "drop-connection"; count: number }
  | { kind: "force-respcd"; respcd: "1143" | "1297"; endpoint: "payment" | "query" }
  | { kind: "hold-then-pay" }
  | { kind: "late-notifications"; ms: number }
  | { kind: "duplicate-notifications" }
  | { kind: "out-of-order-notifications" }
  | { kind: "refresh-before-paying" }
  | { kind: "refresh-racing-payment" }
  /** A new code, then the old one is paid anyway (the wallet's approval crossed the close), and the new one too. */
  | { kind: "old-code-paid-late" };

export type CheckoutPlan = { run: number; currency: "hkd" | "sgd"; fault: Fault; ending: ShopperEnding };

/** A small deterministic generator (mulberry32), so a failing run can be repeated with FAULT_SEED. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAULTS: ReadonlyArray<(random: () => number) => Fault> = [
  () => ({ kind: "none" }),
  (random) => ({ kind: "latency", ms: 200 + Math.floor(random() * 1300) }),
  (random) => ({ kind: "http5xx", count: 1 + Math.floor(random() * 2) }),
  () => ({ kind: "drop-connection", count: 1 }),
  (random) => ({ kind: "force-respcd", respcd: random() < 0.5 ? "1143" : "1297", endpoint: random() < 0.5 ? "payment" : "query" }),
  () => ({ kind: "hold-then-pay" }),
  (random) => ({ kind: "late-notifications", ms: 1000 + Math.floor(random() * 5000) }),
  () => ({ kind: "duplicate-notifications" }),
  () => ({ kind: "out-of-order-notifications" }),
  () => ({ kind: "refresh-before-paying" }),
  () => ({ kind: "refresh-racing-payment" }),
  () => ({ kind: "old-code-paid-late" }),
];

export function planCheckouts(count: number, random: () => number): CheckoutPlan[] {
  return Array.from({ length: count }, (_, run) => {
    const fault = FAULTS[Math.floor(random() * FAULTS.length)]!(random);
    const roll = random();
    const ending: ShopperEnding = roll < 0.1 ? "never-pays" : roll < 0.3 ? "closes-tab" : "completes";
    return { run, currency: random() < 0.7 ? "hkd" : "sgd", fault, ending };
  });
}
