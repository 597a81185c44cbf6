/**
 * What a QFPay return code means for the caller:
 * `succeeded`; `in_progress` (1143/1145: keep querying); `retryable` (transient: the same request may be
 * tried again later); `failed` (final for this request).
 */
export type Outcome = "succeeded" | "in_progress" | "failed" | "retryable";

export interface StatusCode {
  code: string;
  message: string;
  outcome: Outcome;
}

type Row = [code: string, message: string, outcome: Outcome];

/**
 * The reference's "Transaction Status Codes" table. 1297 ("bank busy") is `failed`: QFPay answers it for
 * risk-control and amount limits, so it is a decline, not a transient state.
 */
const ROWS: readonly Row[] = [
  ["0000", "Transaction successful", "succeeded"],
  ["1100", "System under maintenance", "retryable"],
  ["1101", "Reversal error", "failed"],
  ["1102", "Duplicate request", "failed"],
  ["1103", "Request format error", "failed"],
  ["1104", "Request parameter error", "failed"],
  ["1105", "Device not activated", "failed"],
  ["1106", "Invalid device", "failed"],
  ["1107", "Device not allowed", "failed"],
  ["1108", "Signature error", "failed"],
  ["1125", "Transaction has been refunded already", "failed"],
  ["1136", "The transaction does not exist or is not operational", "failed"],
  ["1142", "Order already closed", "failed"],
  ["1143", "The order has not been paid for, the password is currently being entered", "in_progress"],
  ["1145", "Please wait while processing", "in_progress"],
  ["1147", "Wechat pay transaction error", "failed"],
  ["1150", "Your billing method is T0 and does not support canceling transactions.", "failed"],
  ["1155", "Refund request denied", "failed"],
  ["1181", "Order expired", "failed"],
  ["1201", "Insufficient balance, please use a different payment method", "failed"],
  ["1202", "Incorrect or expired payment code, please show the correct payment code or refresh the payment code and retry", "failed"],
  ["1203", "Merchant account error, confirm that the payment account is configured correctly", "failed"],
  ["1204", "Bank error, confirm that the payment wallet is functionable", "failed"],
  ["1205", "The transaction failed. Please try again later", "retryable"],
  ["1212", "Please use the UnionPay overseas payment code", "failed"],
  ["1241", "The store does not exist or the status is incorrect. Do not conduct payments", "failed"],
  ["1242", "The store has not been configured correctly, unable to conduct payments", "failed"],
  ["1243", "The store has been disabled. Do not conduct payments, contact the owner to confirm", "failed"],
  ["1250", "The transaction is forbidden. For more information please contact QFPay Customer Service Team", "failed"],
  ["1251", "The store has not been configured correctly, we are currently working to fix this problem", "failed"],
  ["1252", "System error when making the order request", "retryable"],
  ["1254", "A problem occured. We are currently resolving the issue", "retryable"],
  ["1260", "The order has already been paid for, please confirm the transaction result before conducting more transactions", "failed"],
  ["1261", "The order has not been paid for, please confirm the transaction result before conducting more transactions", "failed"],
  ["1262", "The order has been refunded, please confirm the order status before conducting more transactions", "failed"],
  ["1263", "The order has been cancelled, please confirm the order status before conducting more transactions", "failed"],
  ["1264", "The order has been closed, please confirm the order status before conducting more transactions", "failed"],
  ["1265", "The transaction cannot be refunded. Refunds for transactions between 11:30pm to 0:30am and special promotions cannot be processed.", "failed"],
  ["1266", "The transaction amount is wrong, please confirm the order status", "failed"],
  ["1267", "The order information does not match, please confirm the order status", "failed"],
  ["1268", "The order does not exist, please confirm the order status", "failed"],
  ["1269", "Today's unsettled transaction amount is insufficient. Refunds cannot be processed. Please confirm that the balance is sufficient", "failed"],
  ["1270", "This currency does not support partial refunds", "failed"],
  ["1271", "The selected transaction does not support partial refunds", "failed"],
  ["1272", "The refund amount is greater than the maximum amount that can be refunded for the original transaction", "failed"],
  ["1294", "The transaction may be non-compliant and has been prohibited by the bank", "failed"],
  ["1295", "The connection is slow, waiting for a network response", "retryable"],
  ["1296", "The connection is slow, waiting for a network response. Please try again later or use other payment methods", "retryable"],
  ["1297", "The banking system is busy. Please try again later or use other payment methods", "failed"],
  [
    "1298",
    "The connection is slow, waiting for a network response. In case you have already paid, do not repeat the payment. Please confirm the result later",
    "retryable",
  ],
  ["2005", "The customer payment code is incorrect or has expired, please refresh and restart the transaction process", "failed"],
  ["2011", "Transaction serial number repeats", "failed"],
];

/**
 * Codes only japan-business-api.txt lists (its response code table), in its words (cells joined by ": ").
 * Codes both documents list keep the reference's message; 1297 there is also "please try other payment types",
 * still a decline.
 */
const JAPAN_ROWS: readonly Row[] = [
  ["1144", "Wechat pay QR code was scanned by Alipay Bank card binded is invalid.", "failed"],
  ["2004", "Insufficient account balance", "failed"],
  ["2006", "QR code is illegal; Alipay QR code was scanned by wechat; QR code is invalid", "failed"],
  [
    "2007",
    "The consumer closed the transaction: the consumer needs to enter the password, but the consumer closes the password input box, causing the order to close.",
    "failed",
  ],
];

export const STATUS_CODES: readonly StatusCode[] = Object.freeze(
  [...ROWS, ...JAPAN_ROWS].map(([code, message, outcome]) => Object.freeze({ code, message, outcome })),
);

const BY_CODE: ReadonlyMap<string, StatusCode> = new Map(STATUS_CODES.map((row) => [row.code, row]));

/** The catalog entry for a return code; an unknown code is a failure whose message names the code. */
export function statusCode(code: string): StatusCode {
  return BY_CODE.get(code) ?? { code, message: `Unknown QFPay return code ${code}`, outcome: "failed" };
}

export function isKnownStatusCode(code: string): boolean {
  return BY_CODE.has(code);
}
