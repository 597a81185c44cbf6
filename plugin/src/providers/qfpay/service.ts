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
import { toMinorUnits, type AmountInput } from "@qfpay-medusa/shared/server";
import { createQfpayClient } from "./client-factory";
import { toMedusaError } from "./medusa-errors";
import { headerValue, matchPaymentToSession, readNotification } from "./notification-check";
import { parseQfpayOptions, QfpayOptionsError, type QfpayProviderOptions, type ResolvedQfpayOptions } from "./options";
import { selectPayType } from "./pay-type-selection";
import { QfpayOrders } from "./qfpay-orders";
import { checkReturnUrl } from "./return-url";
import { readSessionData, type QfpaySessionData } from "./session-data";
import { medusaStatusOf } from "./state-mapping";

/** The part of Medusa's payment-session service the webhook check reads (the payment module's own container). */
interface PaymentSessionReader {
  retrieve(id: string, config?: { select?: string[] }): Promise<{ id: string; amount: unknown; raw_amount?: unknown; data?: unknown }>;
}

type InjectedDependencies = {
  logger: Logger;
  paymentSessionService?: PaymentSessionReader;
};

/** Fields a storefront or the plugin's routes may send along with `data` to ask for something. */
interface UpdateRequests {
  /** A new code for the same session (the old QFPay order is closed). */
  refresh?: boolean;
  pay_type?: string;
  return_url?: string;
}

/**
 * QFPay as a Medusa payment provider: a thin mapping from Medusa's payment lifecycle onto `QfpayOrders`.
 * Registered as `pp_qfpay_<id>`.
 */
export class QfpayProviderService extends AbstractPaymentProvider<QfpayProviderOptions> {
  static override identifier = "qfpay";

  protected readonly logger: Logger;
  protected readonly settings: ResolvedQfpayOptions;
  protected readonly orders: QfpayOrders;
  private readonly sessions: PaymentSessionReader | undefined;

  /** Called by Medusa at start: a bad option stops the server with a message naming it and what is allowed. */
  static override validateOptions(options: Record<string, unknown>): void {
    try {
      parseQfpayOptions(options);
    } catch (error) {
      if (error instanceof QfpayOptionsError) throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, error.message);
      throw error;
    }
  }

  // Public: Medusa's base constructor is protected, and `medusa plugin:build` type-checks the registration.
  constructor(cradle: InjectedDependencies, options: QfpayProviderOptions) {
    super(cradle, options);
    this.logger = cradle.logger;
    this.settings = parseQfpayOptions(options);
    this.orders = new QfpayOrders(createQfpayClient(this.settings), this.settings);
    this.sessions = optionalDependency(cradle, "paymentSessionService");
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    return this.run("create the QFPay order", async () => {
      const sessionId = textOf(input.data?.session_id) ?? input.context?.idempotency_key;
      if (!sessionId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "QFPay: the payment session id is missing");
      const currency = input.currency_code;
      const data = await this.orders.open({
        sessionId,
        attempt: 1,
        amount: toMinorUnits(input.amount as AmountInput, currency),
        currency,
        payType: selectPayType(this.settings.payTypes, { currency, requested: textOf(input.data?.pay_type) }),
        returnUrl: checkReturnUrl(input.data?.return_url, this.settings.returnUrlOrigins),
      });
      return { id: data.out_trade_no, data: asRecord(data), status: "pending" };
    });
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return this.run("check the QFPay payment", async () => {
      const data = await this.orders.refresh(readSessionData(input.data), { shopperStartedPaying: true });
      return { status: medusaStatusOf(data.state), data: asRecord(data) };
    });
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return this.run("check the QFPay payment", async () => {
      const data = await this.orders.refresh(readSessionData(input.data));
      return { status: medusaStatusOf(data.state), data: asRecord(data) };
    });
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return this.run("check the QFPay payment", async () => {
      return { data: asRecord(await this.orders.refresh(readSessionData(input.data))) };
    });
  }

  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return this.run("capture the QFPay payment", async () => {
      return { data: asRecord(await this.orders.capture(readSessionData(input.data))) };
    });
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return this.run("refund the QFPay payment", async () => {
      const data = readSessionData(input.data);
      const amount = toMinorUnits(input.amount as AmountInput, data.currency_code);
      return { data: asRecord(await this.orders.refund(data, amount, input.context?.idempotency_key)) };
    });
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return this.run("cancel the QFPay payment", async () => {
      return { data: asRecord(await this.orders.cancel(readSessionData(input.data))) };
    });
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    // A session whose QFPay order was never created has nothing to withdraw.
    if (typeof input.data?.out_trade_no !== "string") return { data: input.data ?? {} };
    return this.run("cancel the QFPay payment", async () => {
      return { data: asRecord(await this.orders.cancel(readSessionData(input.data))) };
    });
  }

  /** Amount, currency or pay type changed, or a new code was asked for → a new QFPay order; otherwise nothing. */
  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return this.run("update the QFPay order", async () => {
      const data = readSessionData(input.data);
      const requests = (input.data ?? {}) as UpdateRequests;
      const currency = input.currency_code.toLowerCase();
      const amount = toMinorUnits(input.amount as AmountInput, currency);
      const payType =
        requests.pay_type && requests.pay_type !== data.pay_type
          ? selectPayType(this.settings.payTypes, { currency, requested: requests.pay_type })
          : undefined;
      const unchanged = amount === data.amount && currency === data.currency_code && !payType && requests.refresh !== true;
      if (unchanged) return { data: asRecord(data) };
      const next = await this.orders.replace(data, {
        amount,
        currency,
        ...(payType ? { payType } : {}),
        returnUrl: checkReturnUrl(requests.return_url, this.settings.returnUrlOrigins) ?? data.return_url,
      });
      return { data: asRecord(next), status: "pending" };
    });
  }

  /**
   * Verifies the notification's signature over the raw body with this provider's key, checks it against the
   * session's current order (number, amount, currency) and maps it to Medusa's action. Anything else is
   * `not_supported`, which changes nothing.
   */
  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    if (payload.rawData === undefined || payload.rawData === null) {
      // The signature covers the exact bytes QFPay sent; a re-serialised body cannot be verified reliably.
      this.logger.warn("QFPay notification without its raw body: ignored");
      return { action: "not_supported" };
    }
    const verdict = readNotification(
      payload.rawData,
      headerValue(payload.headers, "x-qf-sign"),
      this.settings.clientKey,
      this.settings.outTradeNoPrefix,
    );
    if (verdict.kind === "rejected") {
      this.logger.warn(`QFPay notification rejected: ${verdict.reason}`);
      return { action: "not_supported" };
    }
    if (verdict.kind !== "payment") return { action: "not_supported" };
    const session = await this.findSession(verdict.sessionId);
    if (!session) {
      this.logger.warn(`QFPay notification for unknown payment session ${verdict.sessionId} (${verdict.notification.syssn})`);
      return { action: "not_supported" };
    }
    let data: QfpaySessionData;
    try {
      data = readSessionData(session.data);
    } catch {
      this.logger.warn(`QFPay notification ${verdict.notification.syssn}: payment session ${session.id} holds no QFPay order`);
      return { action: "not_supported" };
    }
    const match = matchPaymentToSession(verdict.notification, data);
    if (!match.ok) {
      this.logger.warn(`QFPay notification ${verdict.notification.syssn} ignored: ${match.reason}`);
      return { action: "not_supported" };
    }
    return {
      action: data.preauth ? "authorized" : "captured",
      data: { session_id: session.id, amount: (session.raw_amount ?? session.amount) as never },
    };
  }

  private async findSession(id: string) {
    if (!this.sessions) return undefined;
    try {
      return await this.sessions.retrieve(id, { select: ["id", "amount", "raw_amount", "data"] });
    } catch {
      return undefined;
    }
  }

  private async run<T>(doing: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toMedusaError(error, doing);
    }
  }
}

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
