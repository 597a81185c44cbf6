/** Where Medusa's QFPay provider sends its requests: the sandbox, or a real QFPay environment. */
export type QfpayConnection = {
  baseUrl: string;
  appCode: string;
  clientKey: string;
  mchid?: string;
};

const REAL_QFPAY_VARS = ["QFPAY_BASE_URL", "QFPAY_APP_CODE", "QFPAY_CLIENT_KEY"] as const;

/**
 * A real QFPay environment when QFPAY_BASE_URL, QFPAY_APP_CODE and QFPAY_CLIENT_KEY are all set
 * (QFPAY_MCHID optional); null when none is; an error naming the missing ones when only some are.
 */
export function realQfpayFromEnv(env: NodeJS.ProcessEnv = process.env): QfpayConnection | null {
  const missing = REAL_QFPAY_VARS.filter((name) => !env[name]);
  if (missing.length === REAL_QFPAY_VARS.length) return null;
  if (missing.length > 0) {
    throw new Error(`To use a real QFPay environment set all of ${REAL_QFPAY_VARS.join(", ")}; missing: ${missing.join(", ")}`);
  }
  return {
    baseUrl: env.QFPAY_BASE_URL!,
    appCode: env.QFPAY_APP_CODE!,
    clientKey: env.QFPAY_CLIENT_KEY!,
    ...(env.QFPAY_MCHID ? { mchid: env.QFPAY_MCHID } : {}),
  };
}
