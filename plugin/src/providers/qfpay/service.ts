import { AbstractPaymentProvider, MedusaError } from "@medusajs/framework/utils";
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  ILockingModule,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  Logger,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types";
import { minorUnitsToDecimalString, toMinorUnits, type AmountInput } from "@qfpay-medusa/shared/server";
import type { QfpayRuntime } from "../../core/runtime";
import type { QfpayModuleService } from "../../modules/qfpay";
import { toMedusaError } from "./medusa-errors";
import {
  checkReturnUrl,
  headerValue,
  QfpayOperationError,
  qfpayOptionsSchema,
  readNotification,
  readSessionData,
  selectPayType,
  type QfpaySessionData,
  type ResolvedQfpayOptions,
} from "../../qfpay";
import { sessionStatusOf } from "./session-status";

type InjectedDependencies = {
  logger: Logger;
  /** The plugin's module and Medusa's locking module: the payment module's `dependencies` in medusa-config. */
  qfpay?: QfpayModuleService;
  locking?: ILockingModule;
};

/** What the provider accepts as its own options: the merchant's options belong to the plugin. */
export type QfpayProviderEntryOptions = Record<string, never>;

/** Fields a storefront or the plugin's routes may send along with `data` to ask for something. */
interface UpdateRequests {
  /** A new code for the same session (the old QFPay order is closed). */
  refresh?: boolean;
  pay_type?: string;
  return_url?: string;
}

/**
 * QFPay as a Medusa payment provider: a thin mapping from Medusa's payment lifecycle onto the plugin's QFPay
 * runtime, which serializes each session's transitions and keeps every QFPay transaction on record.
 * Registered as `pp_qfpay_<id>`.
 */
export class QfpayProviderService extends AbstractPaymentProvider<QfpayProviderEntryOptions> {
  static override identifier = "qfpay";

  protected readonly logger: Logger;
  private readonly cradle: InjectedDependencies;

  /** Called by Medusa at start: the merchant's options go to the plugin, so the provider takes none. */
  static override validateOptions(options: Record<string, unknown>): void {
    const given = Object.keys(options ?? {});
    if (given.length === 0) return;
    const moved = given.some((name) => MERCHANT_OPTION_NAMES.has(name));
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      moved
        ? 'Invalid QFPay provider options: the merchant options (appCode, clientKey, ...) are given to the plugin: plugins: [{ resolve: "@qfpay-medusa/plugin", options: { appCode, clientKey, ... } }]'
        : `Invalid QFPay provider options: unknown option(s) ${given.map((name) => `"${name}"`).join(", ")}; the provider takes none`,
    );
  }

  // Public: Medusa's base constructor is protected, and `medusa plugin:build` type-checks the registration.
  constructor(cradle: InjectedDependencies, options: QfpayProviderEntryOptions) {
    super(cradle, options);
    this.logger = cradle.logger;
    this.cradle = cradle;
  }

  /** Resolved at first use: Medusa builds providers before the modules they depend on are all loaded. */
  protected get runtime(): QfpayRuntime {
    const module = optionalDependency<QfpayModuleService>(this.cradle, "qfpay");
    if (!module) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        'QFPay: the payment module cannot reach the plugin\'s module: add dependencies: ["qfpay", "locking"] to the payment module in medusa-config',
      );
    }
    return module.runtime(optionalDependency<ILockingModule>(this.cradle, "locking"));
  }

  protected get settings(): ResolvedQfpayOptions {
    return this.runtime.options;
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    return this.run("create the QFPay order", async () => {
      const sessionId = textOf(input.data?.session_id) ?? input.context?.idempotency_key;
      if (!sessionId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "QFPay: the payment session id is missing");
      const currency = input.currency_code;
      const settings = this.settings;
      const data = await this.runtime.payments.open({
        sessionId,
        attempt: 1,
        amount: toMinorUnits(input.amount as AmountInput, currency),
        currency,
        payType: selectPayType(settings.payTypes, { currency, requested: textOf(input.data?.pay_type) }),
        returnUrl: checkReturnUrl(input.data?.return_url, settings.returnUrlOrigins),
        subOpenid: textOf(input.data?.sub_openid),
      });
      return { id: data.out_trade_no, data: asRecord(data), status: "pending" };
    });
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return this.run("check the QFPay payment", async () => {
      const given = readSessionData(input.data);
      const data = await this.runtime.payments.authorize(given.session_id, given);
      return { status: sessionStatusOf(data.state), data: asRecord(data) };
    });
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return this.run("check the QFPay payment", async () => {
      const given = readSessionData(input.data);
      const data = await this.runtime.payments.refreshCurrent(given.session_id, given);
      return { status: sessionStatusOf(data.state), data: asRecord(data) };
    });
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return this.run("check the QFPay payment", async () => {
      const given = readSessionData(input.data);
      return { data: asRecord(await this.runtime.payments.refreshCurrent(given.session_id, given)) };
    });
  }

  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return this.run("capture the QFPay payment", async () => {
      const given = readSessionData(input.data);
      return { data: asRecord(await this.runtime.payments.capture(given.session_id, given)) };
    });
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return this.run("refund the QFPay payment", async () => {
      const given = readSessionData(input.data);
      const amount = toMinorUnits(input.amount as AmountInput, given.currency_code);
      return { data: asRecord(await this.runtime.payments.refund(given.session_id, given, amount, input.context?.idempotency_key)) };
    });
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return this.run("cancel the QFPay payment", async () => {
      const given = readSessionData(input.data);
      return { data: asRecord(await this.runtime.payments.cancel(given.session_id, given)) };
    });
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    // A session whose QFPay order was never created has nothing to withdraw.
    if (typeof input.data?.out_trade_no !== "string") return { data: input.data ?? {} };
    return this.run("cancel the QFPay payment", async () => {
      const given = readSessionData(input.data);
      try {
        return { data: asRecord(await this.runtime.payments.cancel(given.session_id, given)) };
      } catch (error) {
        // Medusa drops the session (a new one replaces it): paid money stays on record, and the reconciliation
        // refunds it unless an order has it.
        if (error instanceof QfpayOperationError && error.code === "already_paid") return { data: input.data };
        throw error;
      }
    });
  }

  /** Amount, currency or pay type changed, or a new code was asked for → a new QFPay order; otherwise nothing. */
  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return this.run("update the QFPay order", async () => {
      const data = readSessionData(input.data);
      const settings = this.settings;
      const requests = (input.data ?? {}) as UpdateRequests;
      const currency = input.currency_code.toLowerCase();
      const amount = toMinorUnits(input.amount as AmountInput, currency);
      const payType =
        requests.pay_type && requests.pay_type !== data.pay_type ? selectPayType(settings.payTypes, { currency, requested: requests.pay_type }) : undefined;
      const unchanged = amount === data.amount && currency === data.currency_code && !payType && requests.refresh !== true;
      if (unchanged) return { data: asRecord(data) };
      const next = await this.runtime.payments.replace(
        data.session_id,
        data,
        {
          amount,
          currency,
          ...(payType ? { payType } : {}),
          returnUrl: checkReturnUrl(requests.return_url, settings.returnUrlOrigins) ?? data.return_url,
        },
        requests.refresh === true,
      );
      return { data: asRecord(next), status: "pending" };
    });
  }

  /**
   * For QFPay notifications that reach Medusa's own `/hooks/payment/<provider>` route: the same path as the
   * plugin's notification route (verified over the raw body, put on record under the session's lock), mapped to
   * Medusa's action. Anything but the session's current order paid is `not_supported`, which changes nothing.
   */
  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    if (payload.rawData === undefined || payload.rawData === null) {
      // The signature covers the exact bytes QFPay sent; a re-serialised body cannot be verified reliably.
      this.logger.warn("QFPay notification without its raw body: ignored");
      return { action: "not_supported" };
    }
    const settings = this.settings;
    const verdict = readNotification(payload.rawData, headerValue(payload.headers, "x-qf-sign"), settings.clientKey, settings.outTradeNoPrefix);
    if (verdict.kind === "rejected") {
      this.logger.warn(`QFPay notification rejected: ${verdict.reason}`);
      return { action: "not_supported" };
    }
    if (verdict.kind !== "payment") return { action: "not_supported" };
    const decision = await this.runtime.payments.notification(verdict.sessionId, verdict.notification);
    if (decision.kind !== "complete") {
      this.logger.warn(`QFPay notification ${verdict.notification.syssn}: ${decision.message}`);
      return { action: "not_supported" };
    }
    const record = await this.runtime.payments.store.get(verdict.notification.out_trade_no);
    return {
      action: decision.action,
      data: { session_id: verdict.sessionId, amount: minorUnitsToDecimalString(record!.amount, record!.currency_code) as never },
    };
  }

  private async run<T>(doing: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toMedusaError(error, doing);
    }
  }
}

/** Names of the merchant options, which a provider entry of an earlier version carried. */
const MERCHANT_OPTION_NAMES: ReadonlySet<string> = new Set(Object.keys(qfpayOptionsSchema.shape));

function asRecord(data: QfpaySessionData): Record<string, unknown> {
  return data as unknown as Record<string, unknown>;
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function optionalDependency<T>(cradle: Record<string, unknown>, name: string): T | undefined {
  try {
    return cradle[name] as T | undefined;
  } catch {
    // Awilix cradles throw on unregistered names.
    return undefined;
  }
}
