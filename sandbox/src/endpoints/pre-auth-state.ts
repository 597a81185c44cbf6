import { QfpayRefusal } from "../errors.js";
import type { Entry } from "../ledger.js";

/**
 * A frozen pre-auth can be deducted once or unfrozen once; this refuses any other use with the code
 * that says why.
 */
export function requireUsableFreeze(freeze: Entry): void {
  if (freeze.deductSyssn !== undefined) {
    throw new QfpayRefusal("1260", `pre-auth ${freeze.syssn} was already deducted (${freeze.deductSyssn})`);
  }
  if (freeze.unfrozen) throw new QfpayRefusal("1263", `pre-auth ${freeze.syssn} was unfrozen`);
}
