import { z } from "zod";
import { findPayType, type PayMode } from "../catalogs/pay-types.js";
import { echoedAmountShape, looseTextFields, orderRequestShape } from "./field-groups.js";
import {
  currencyField,
  optionalField,
  outTradeNoField,
  payTypeField,
  positiveMinorAmountField,
  requestText,
  responseEnvelopeShape,
  transactionIdField,
} from "./fields.js";

/** Extra parameters each mode needs, beyond the public payment parameters. */
const REQUIRED_BY_MODE: Partial<Record<PayMode, "auth_code" | "sub_openid" | "openid">> = {
  cpm: "auth_code",
  jsapi: "sub_openid",
  mini_program: "sub_openid",
  h5: "openid",
};

/** `POST /trade/v1/payment`, every mode: MPM QR, CPM (auth_code), web/WAP (return_url), JSAPI, mini-program, in-app, H5. */
export const paymentRequestSchema = z
  .object({
    txamt: positiveMinorAmountField,
    txcurrcd: currencyField,
    pay_type: payTypeField,
    out_trade_no: outTradeNoField,
    ...orderRequestShape,
    goods_name: requestText(64).optional(),
    goods_info: requestText(256).optional(),
    /** CPM: the code scanned from the shopper's wallet. */
    auth_code: requestText(128).optional(),
    /** MPM/online: minutes the code stays valid, 5-120. */
    expired_time: z
      .union([
        z.number().int(),
        z
          .string()
          .regex(/^\d{1,3}$/)
          .transform(Number),
      ])
      .pipe(z.number().int().min(5).max(120))
      .optional(),
    /** Web/WAP: where the wallet sends the shopper after paying (Alipay WAP: at most 200 characters). */
    return_url: z.string().url().max(512).optional(),
    /** WeChat JSAPI and mini-program. */
    sub_openid: requestText(128).optional(),
    /** Alipay service window (H5) user id. */
    openid: requestText(64).optional(),
    limit_pay: z.literal("no_credit").optional(),
    pay_tag: requestText(16).optional(),
    /** WeChat Pay HK: "Y" with txcurrcd CNY to charge in RMB. */
    rmb_tag: z.literal("Y").optional(),
  })
  .superRefine((request, context) => {
    const payType = findPayType(request.pay_type);
    if (!payType) {
      context.addIssue({ code: "custom", path: ["pay_type"], message: `unknown pay_type ${request.pay_type}` });
      return;
    }
    const required = REQUIRED_BY_MODE[payType.mode];
    if (required && !request[required]) {
      context.addIssue({ code: "custom", path: [required], message: `${required} is required for pay_type ${payType.code}` });
    }
    if (request.expired_time !== undefined && !payType.expiredTime) {
      context.addIssue({
        code: "custom",
        path: ["expired_time"],
        message: `pay_type ${payType.code} does not accept expired_time`,
      });
    }
  });
export type PaymentRequest = z.input<typeof paymentRequestSchema>;

/** Wallet parameters for JSAPI, mini-program and in-app payments: passed on to the wallet SDK as they come. */
export const payParamsSchema = z.record(z.string(), z.unknown());

export const paymentResponseSchema = z.looseObject({
  ...responseEnvelopeShape,
  syssn: transactionIdField,
  out_trade_no: outTradeNoField,
  pay_type: optionalField(payTypeField),
  ...echoedAmountShape,
  ...looseTextFields("txdtm", "sysdtm", "paydtm", "udid", "cardcd", "chnlsn"),
  /** MPM: the text to show as a QR code. */
  qrcode: z.string().min(1).optional(),
  /** Web/WAP: the wallet page to redirect to. */
  pay_url: z.string().url().optional(),
  pay_params: payParamsSchema.optional(),
});
export type PaymentResponse = z.output<typeof paymentResponseSchema>;
