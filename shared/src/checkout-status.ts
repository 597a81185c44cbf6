import { z } from "zod";
import { DEVICE_CLASSES } from "./catalogs/devices.js";
import {
  CHECKOUT_MODES,
  CHECKOUT_STATUSES,
  STORE_PAY_MODES,
  type CheckoutStatus,
  type StorePayType,
  type StorePayTypes,
  type WechatPayParams,
} from "./checkout-contract.js";
import { payTypeField } from "./schemas/fields.js";

/**
 * The server's schemas of the checkout contract (checkout-contract.ts), built over its lists. Each schema is
 * checked against the contract's type below, so neither can change without the other.
 */
export * from "./checkout-contract.js";

export const checkoutModeSchema = z.enum(CHECKOUT_MODES);

export const wechatPayParamsSchema = z
  .object({
    appId: z.string().min(1),
    timeStamp: z.string().min(1),
    nonceStr: z.string().min(1),
    package: z.string().min(1),
    signType: z.string().min(1),
    paySign: z.string().min(1),
  })
  .passthrough();

export const checkoutStatusSchema = z.object({
  session_id: z.string().min(1),
  status: z.enum(CHECKOUT_STATUSES),
  pay_type: payTypeField,
  wallet: z.string().min(1),
  mode: checkoutModeSchema,
  qrcode: z.string().min(1).optional(),
  pay_url: z.string().url().optional(),
  pay_params: wechatPayParamsSchema.optional(),
  amount: z.number().int().nonnegative(),
  amount_exponent: z.number().int().min(0).max(4),
  currency_code: z.string().length(3),
  expires_at: z.string().datetime({ offset: true }).nullable(),
  server_time: z.string().datetime({ offset: true }),
  message: z.string().optional(),
});

/** Error body the store routes answer with on 4xx/5xx (Medusa's shape). */
export const checkoutErrorSchema = z.object({
  type: z.string().optional(),
  message: z.string(),
  code: z.string().optional(),
});
export type CheckoutError = z.infer<typeof checkoutErrorSchema>;

/** Device classes as the pay-types route names them (see catalogs/devices.ts). */
export const STORE_DEVICE_CLASSES = DEVICE_CLASSES;

export const storePayTypeSchema = z.object({
  pay_type: payTypeField,
  wallet: z.string().min(1),
  name: z.string().min(1),
  mode: checkoutModeSchema,
  pay_mode: z.enum(STORE_PAY_MODES),
  preauth: z.boolean(),
  fits_device: z.boolean(),
  devices: z.array(z.enum(DEVICE_CLASSES)),
  refunds: z.enum(["partial", "full", "unstated"]),
});

export const storePayTypesSchema = z.object({
  cart_id: z.string().min(1),
  currency_code: z.string().length(3),
  device: z.enum(DEVICE_CLASSES),
  provider_id: z.string().nullable(),
  storefront_may_choose: z.boolean(),
  default_pay_type: payTypeField.nullable(),
  pay_types: z.array(storePayTypeSchema),
});

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// Each line fails to compile when a schema and the contract's type disagree.
const agreements: [
  Same<z.infer<typeof wechatPayParamsSchema>, WechatPayParams>,
  Same<z.infer<typeof checkoutStatusSchema>, CheckoutStatus>,
  Same<z.infer<typeof storePayTypeSchema>, StorePayType>,
  Same<z.infer<typeof storePayTypesSchema>, StorePayTypes>,
] = [true, true, true, true];
void agreements;
