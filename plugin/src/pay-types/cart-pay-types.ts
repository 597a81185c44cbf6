import {
  acceptsCurrency,
  checkoutModeOf,
  devicesOf,
  findPayType,
  orderForDevice,
  refundSupportOf,
  worksOnDevice,
  WALLETS,
  type DeviceClass,
  type PayType,
  type StorePayType,
  type StorePayTypes,
} from "@qfpay-medusa/shared";

/** The part of the provider options (`payTypes`) that says what the store offers. */
export interface PayTypeOptions {
  default: string;
  byCurrency: Record<string, string>;
  allowed?: string[] | undefined;
  storefrontMayChoose: boolean;
}

export interface CartPayTypesInput {
  payTypes: PayTypeOptions;
  currency: string;
  /** The merchant's QFPay region ("hk", "sg", ...) from the environment; undefined for the sandbox or a URL. */
  merchantRegion: string | undefined;
  device: DeviceClass;
}

/** Whether a pay type is for merchants of the region ("overseas" = outside mainland China). */
function servesMerchantRegion(payType: PayType, region: string | undefined): boolean {
  if (region === undefined || payType.regions.length === 0) return true;
  return payType.regions.includes(region) || (payType.regions.includes("overseas") && region !== "cn");
}

/**
 * The pay types a cart may be paid with: the options' choice (all of `allowed` when the storefront may choose,
 * else the one configured for the currency), kept to those that take the cart's currency and serve the
 * merchant's region, ordered for the device.
 */
export function cartPayTypes(input: CartPayTypesInput): { offered: PayType[]; defaultPayType: PayType | undefined } {
  const fits = (payType: PayType | undefined): payType is PayType =>
    payType !== undefined &&
    checkoutModeOf(payType) !== undefined &&
    acceptsCurrency(payType, input.currency) &&
    servesMerchantRegion(payType, input.merchantRegion);
  const configured = findPayType(input.payTypes.byCurrency[input.currency.toUpperCase()] ?? input.payTypes.default);
  const defaultPayType = fits(configured) ? configured : undefined;
  const codes = input.payTypes.storefrontMayChoose ? (input.payTypes.allowed ?? []) : defaultPayType ? [defaultPayType.code] : [];
  const offered = [...new Set(codes)].map(findPayType).filter(fits);
  return { offered: orderForDevice(offered, input.device), defaultPayType };
}

/** One pay type as the route answers it. */
export function describePayType(payType: PayType, device: DeviceClass): StorePayType {
  return {
    pay_type: payType.code,
    wallet: payType.wallet,
    name: WALLETS[payType.wallet].name,
    mode: checkoutModeOf(payType)!,
    pay_mode: payType.mode as StorePayType["pay_mode"],
    preauth: payType.preauth,
    fits_device: worksOnDevice(payType, device),
    devices: devicesOf(payType),
    refunds: refundSupportOf(payType),
  };
}

/** The route's whole answer for a cart. */
export function payTypesAnswer(input: CartPayTypesInput & { cartId: string; providerId: string | null }): StorePayTypes {
  const { offered, defaultPayType } = input.providerId === null ? { offered: [], defaultPayType: undefined } : cartPayTypes(input);
  return {
    cart_id: input.cartId,
    currency_code: input.currency.toLowerCase(),
    device: input.device,
    provider_id: input.providerId,
    storefront_may_choose: input.payTypes.storefrontMayChoose,
    default_pay_type: defaultPayType?.code ?? null,
    pay_types: offered.map((payType) => describePayType(payType, input.device)),
  };
}

/** The merchant region of an environment option ("hk-prod" or { region: "hk" }); undefined for the sandbox. */
export function merchantRegionOf(environment: string | { region: string } | undefined): string | undefined {
  if (environment === undefined) return undefined;
  const id = typeof environment === "string" ? environment.trim().toLowerCase() : environment.region;
  const region = id.split("-")[0];
  return region === undefined || region === "sandbox" || region === "" ? undefined : region;
}
