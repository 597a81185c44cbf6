import { z } from "zod";
import { checkoutModeOf, findCurrency, findEnvironment, findPayType, isValidTxzone, ENVIRONMENTS, DEFAULT_TXZONE, PAY_TYPES } from "@qfpay-medusa/shared";

/** Pay types a web checkout can present: a QR code (MPM) or a redirect to the wallet's page (web/WAP). */
export const CHECKOUT_PAY_TYPE_CODES: readonly string[] = PAY_TYPES.filter((payType) => checkoutModeOf(payType)).map((payType) => payType.code);

const REGIONS = [...new Set(ENVIRONMENTS.map((environment) => environment.id.split("-")[0]!))];

/** Placeholders a `goodsNameTemplate` may use. */
export const GOODS_NAME_PLACEHOLDERS = ["reference", "currency", "amount"] as const;

const checkoutPayType = z.string().superRefine((code, context) => {
  if (CHECKOUT_PAY_TYPE_CODES.includes(code)) return;
  const known = findPayType(code);
  const reason = known ? `"${code}" (${known.description}) is not one a web checkout can show` : `"${code}" is not a QFPay pay type`;
  context.addIssue({
    code: "custom",
    message: `must be a QFPay pay type a web checkout can show (QR or redirect); ${reason}. Allowed: ${CHECKOUT_PAY_TYPE_CODES.join(", ")}`,
  });
});

const currencyCode = z.string().refine((code) => findCurrency(code) !== undefined, {
  message: "must be a currency QFPay lists (AED, CNY, EUR, HKD, IDR, JPY, MMK, MYR, SGD, THB, USD)",
});

const environmentSchema = z.union([
  z.string().refine((id) => findEnvironment(id) !== undefined, {
    message: `must be one of ${ENVIRONMENTS.map((environment) => environment.id).join(", ")}`,
  }),
  z
    .object({
      region: z.enum(REGIONS as [string, ...string[]], { message: `must be one of ${REGIONS.join(", ")}` }),
      mode: z.enum(["test", "production"], { message: 'must be "test" or "production"' }),
    })
    .refine((environment) => findEnvironment(environmentId(environment)) !== undefined, {
      message: `QFPay has no such environment (by region and mode: ${regionModePairs()})`,
    }),
]);

const httpUrl = z.string().refine((text) => /^https?:\/\/[^\s]+$/i.test(text) && URL.canParse(text), {
  message: "must be an http(s) URL",
});

const payTypesSchema = z
  .object({
    /** Used when nothing more specific applies. */
    default: checkoutPayType,
    /** Per currency, e.g. { HKD: "802001", CNY: "800201" }. */
    byCurrency: z
      .record(currencyCode, checkoutPayType)
      .default({})
      .transform((byCurrency) => Object.fromEntries(Object.entries(byCurrency).map(([code, payType]) => [code.toUpperCase(), payType]))),
    /** Pay types the storefront may ask for (`data.pay_type` when creating the session). */
    allowed: z.array(checkoutPayType).min(1, { message: "must list at least one pay type" }).optional(),
    /** Whether the storefront may choose among `allowed`; otherwise the choice is the server's. */
    storefrontMayChoose: z.boolean().default(false),
  })
  .strict();

export const qfpayOptionsSchema = z
  .object({
    appCode: z.string({ message: "is required (the app code QFPay gave you)" }).trim().min(1, { message: "must not be empty" }),
    clientKey: z.string({ message: "is required (the client key QFPay gave you)" }).trim().min(1, { message: "must not be empty" }),
    mchid: z.string().trim().min(1, { message: "must not be empty when given" }).optional(),
    environment: environmentSchema.optional(),
    baseUrl: httpUrl.optional(),
    signType: z.enum(["MD5", "SHA256"], { message: 'must be "MD5" or "SHA256"' }).default("MD5"),
    txzone: z.string().refine(isValidTxzone, { message: 'must look like "+0800" (sign, hours, minutes; at most ±1400)' }).default(DEFAULT_TXZONE),
    qrExpiryMinutes: z
      .number({ message: "must be a whole number of minutes from 5 to 120" })
      .int({ message: "must be a whole number of minutes from 5 to 120" })
      .min(5, { message: "must be at least 5 (QFPay's minimum)" })
      .max(120, { message: "must be at most 120 (QFPay's maximum)" })
      .default(30),
    payTypes: payTypesSchema.default({ default: "800201", byCurrency: {}, storefrontMayChoose: false }),
    goodsNameTemplate: z
      .string()
      .max(64, { message: "must be at most 64 characters" })
      .refine((template) => unknownPlaceholders(template).length === 0, {
        message: `may only use the placeholders ${GOODS_NAME_PLACEHOLDERS.map((name) => `{${name}}`).join(", ")}`,
      })
      .optional(),
    /** Prefix for out_trade_no, to keep several shops apart under one merchant account. */
    outTradeNoPrefix: z
      .string()
      .regex(/^[A-Za-z0-9_*]{1,16}$/, { message: 'must be 1-16 letters, digits, "_" or "*"' })
      .optional(),
    /** Origins the storefront may send as `return_url` for web/WAP pay types; any http(s) URL when unset. */
    returnUrlOrigins: z.array(httpUrl).optional(),
    /** How long QFPay may answer "in progress" (1143/1145) before the order is cancelled; the reference says 2 minutes. */
    inProgressTimeoutSeconds: z.number().int().min(1).max(600, { message: "must be at most 600" }).default(120),
    /** How often the status sync asks QFPay about an order a shopper's tab is watching (or that QFPay is processing). */
    statusQueryIntervalSeconds: z.number().int().min(1).max(60, { message: "must be at most 60" }).default(2),
    /** HTTP timeout for a QFPay request. */
    timeoutMs: z.number().int().min(1000).max(60_000).default(15_000),
    /** How often the status sync asks QFPay about an open order nobody is watching. */
    idleCheckSeconds: z.number().int().min(2).max(600, { message: "must be at most 600" }).default(20),
    /**
     * The most QFPay requests the store sends for this merchant, across all its Medusa instances. QFPay allows
     * 100/s and 400/min; the defaults leave room for QFPay's own count to differ from ours at window edges.
     */
    requestBudget: z
      .object({
        perSecond: z.number().int().min(1).max(100, { message: "must be at most 100 (QFPay's limit)" }).default(20),
        perMinute: z.number().int().min(1).max(400, { message: "must be at most 400 (QFPay's limit)" }).default(180),
      })
      .strict()
      .default({ perSecond: 20, perMinute: 180 }),
    /** A paid order that became no order (a replaced code, a second payment) is refunded in full by itself. */
    autoRefundOrphans: z.boolean().default(true),
    /** A shopper may ask for a new code this long after the last one, at the soonest. */
    refreshCooldownSeconds: z.number().int().min(0).max(300).default(5),
    /** The most codes one payment session may have. */
    maxAttemptsPerSession: z.number().int().min(1).max(100).default(10),
    /** A paid order whose cart nobody completed (no notification, tab closed) is completed after this long. */
    completeAfterSeconds: z.number().int().min(0).max(3600).default(20),
  })
  .strict()
  .superRefine((options, context) => {
    if (options.environment === undefined && options.baseUrl === undefined) {
      context.addIssue({
        code: "custom",
        path: ["environment"],
        message: `or "baseUrl" is required: one of ${ENVIRONMENTS.map((environment) => environment.id).join(", ")}, { region, mode }, or an http(s) URL`,
      });
    }
    if (options.environment !== undefined && options.baseUrl !== undefined) {
      context.addIssue({ code: "custom", path: ["baseUrl"], message: 'cannot be combined with "environment": give one' });
    }
    const { payTypes } = options;
    if (payTypes.storefrontMayChoose && payTypes.allowed === undefined) {
      context.addIssue({
        code: "custom",
        path: ["payTypes", "allowed"],
        message: "is required when storefrontMayChoose is true (the pay types the storefront may pick from)",
      });
    }
  });

/**
 * The pay types a web checkout can show, as literal types so that a typo in medusa-config is a compile error.
 * The catalog in @qfpay-medusa/shared is the source; options-types.test.ts fails when this list differs from it.
 */
export const CHECKOUT_PAY_TYPE_CODE_LIST = [
  "800101",
  "800201",
  "800207",
  "800701",
  "801114",
  "801112",
  "801301",
  "801501",
  "801512",
  "801701",
  "801808",
  "801814",
  "802001",
  "802201",
  "802301",
  "802901",
  "803001",
  "803101",
  "803214",
  "803301",
  "803314",
  "803701",
  "803712",
  "803801",
  "804001",
  "804014",
  "804101",
  "804114",
  "804201",
  "804214",
  "805401",
  "805601",
  "805612",
  "805801",
] as const;
export type QfpayCheckoutPayType = (typeof CHECKOUT_PAY_TYPE_CODE_LIST)[number];

/** QFPay's environments by id, checked against the shared catalog like the pay types. */
export const ENVIRONMENT_ID_LIST = [
  "sandbox",
  "cn-test",
  "cn-prod",
  "hk-test",
  "hk-prod",
  "jp-prod",
  "th-test",
  "th-prod",
  "ae-test",
  "ae-prod",
  "sg-test",
  "sg-prod",
  "id-test",
  "id-prod",
  "eu-test",
  "eu-prod",
  "jp-test",
  "jp-business-prod",
] as const;
export type QfpayEnvironmentId = (typeof ENVIRONMENT_ID_LIST)[number];
export type QfpayRegion = QfpayEnvironmentId extends infer Id ? (Id extends `${infer Region}-${string}` ? Region : never) : never;

/** `{ region, mode }` for exactly the environments QFPay has (Japan, for one, has no test environment by region). */
export type QfpayEnvironmentByRegion = {
  [Id in QfpayEnvironmentId]: Id extends `${infer Region extends QfpayRegion}-test`
    ? { region: Region; mode: "test" }
    : Id extends `${infer Region extends QfpayRegion}-prod`
      ? { region: Region; mode: "production" }
      : never;
}[QfpayEnvironmentId];

export type QfpayEnvironment = QfpayEnvironmentId | QfpayEnvironmentByRegion;

export interface QfpayPayTypesOptions {
  default: QfpayCheckoutPayType;
  byCurrency?: Record<string, QfpayCheckoutPayType>;
  allowed?: readonly QfpayCheckoutPayType[];
  storefrontMayChoose?: boolean;
}

/** Where QFPay is: a named environment or an explicit base URL, never both. */
export type QfpayEndpointOptions = { environment: QfpayEnvironment; baseUrl?: never } | { baseUrl: string; environment?: never };

type SchemaInput = z.input<typeof qfpayOptionsSchema>;

/**
 * The options as TypeScript checks them in medusa-config: the schema's input, with pay types and environments
 * narrowed to the codes QFPay has and `environment`/`baseUrl` as a choice. Medusa's start checks them again.
 */
export type QfpayProviderOptions = Omit<SchemaInput, "environment" | "baseUrl" | "payTypes"> & {
  payTypes?: QfpayPayTypesOptions;
} & QfpayEndpointOptions;
export type ResolvedQfpayOptions = z.output<typeof qfpayOptionsSchema>;

export class QfpayOptionsError extends Error {
  override readonly name = "QfpayOptionsError";
  constructor(readonly issues: readonly { option: string; message: string }[]) {
    super(`Invalid QFPay provider options: ${issues.map((issue) => `"${issue.option}" ${issue.message}`).join("; ")}`);
  }
}

/** Validates and completes provider options; throws `QfpayOptionsError` naming each bad option and what is allowed. */
export function parseQfpayOptions(options: unknown): ResolvedQfpayOptions {
  const result = qfpayOptionsSchema.safeParse(options ?? {});
  if (result.success) return result.data;
  throw new QfpayOptionsError(
    result.error.issues.map((issue) => ({
      option: issue.path.length ? issue.path.map(String).join(".") : "(options)",
      message: describeIssue(issue),
    })),
  );
}

/** The QFPay base URL the options point at. */
export function baseUrlOf(options: ResolvedQfpayOptions): string {
  if (options.baseUrl !== undefined) return options.baseUrl.replace(/\/+$/, "");
  const id = typeof options.environment === "string" ? options.environment : environmentId(options.environment!);
  return findEnvironment(id)!.baseUrl;
}

/** "cn test/production, hk test/production, ..." from the catalog. */
function regionModePairs(): string {
  return REGIONS.map((region) => {
    const modes = (["test", "production"] as const).filter((mode) => findEnvironment(environmentId({ region, mode })) !== undefined);
    return modes.length > 0 ? `${region} ${modes.join("/")}` : undefined;
  })
    .filter((entry) => entry !== undefined)
    .join(", ");
}

function environmentId(environment: { region: string; mode: "test" | "production" }): string {
  return `${environment.region}-${environment.mode === "production" ? "prod" : "test"}`;
}

function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]!).filter((name) => !(GOODS_NAME_PLACEHOLDERS as readonly string[]).includes(name));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    return `has unknown option(s) ${issue.keys.map((key) => `"${key}"`).join(", ")}`;
  }
  if (issue.code === "invalid_key") return `is not allowed as a key: ${issue.issues.map((inner) => inner.message).join("; ")}`;
  if (issue.code === "invalid_type" && issue.input === undefined) return issue.message.startsWith("is required") ? issue.message : "is required";
  return issue.message;
}
