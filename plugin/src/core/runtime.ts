import { QfpayClient } from "@qfpay-medusa/shared/server";
import { createQfpayClient, QfpayOrders, type ResolvedQfpayOptions } from "../qfpay";
import { budgetedCalls, type QfpayCalls } from "./budgeted-api";
import type { TransactionStore } from "./ledger";
import type { Lease } from "./lease";
import { receiveNotification, type NotificationAnswer, type NotificationRequest } from "./notification-intake";
import { Reconciler } from "./reconciler";
import { RequestBudget, type BudgetStore } from "./request-budget";
import { SessionPayments } from "./session-payments";
import type { SessionLock } from "./session-lock";
import { StatusSync } from "./status-sync";
import { servesDailyStatement } from "./trade-bill-check";
import type { StoreOrders } from "./store-orders";

export interface RuntimeLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface QfpayRuntimeDeps {
  options: ResolvedQfpayOptions;
  store: TransactionStore;
  budgetStore: BudgetStore;
  lock: SessionLock;
  lease: Lease;
  logger: RuntimeLogger;
  /** Defaults to a client built from the options. */
  client?: QfpayCalls | undefined;
  onChange?: ((sessionId: string) => void | Promise<void>) | undefined;
  now?: () => Date;
}

/**
 * Everything that talks to one QFPay merchant, built once per Medusa process and shared by the provider,
 * the routes, the subscriber and the jobs: the client behind the merchant's request budget, the ledger,
 * the session transitions, the status sync and the reconciliation.
 */
export class QfpayRuntime {
  readonly options: ResolvedQfpayOptions;
  readonly merchant: string;
  readonly budget: RequestBudget;
  readonly orders: QfpayOrders;
  readonly payments: SessionPayments;
  readonly sync: StatusSync;
  readonly reconciler: Reconciler;
  /** Reconciliation's own calls (trade bills, time-window queries). */
  readonly reconcileCalls: QfpayCalls;

  constructor(private readonly deps: QfpayRuntimeDeps) {
    this.options = deps.options;
    this.merchant = merchantOf(deps.options);
    const client: QfpayCalls = deps.client ?? (createQfpayClient(deps.options) satisfies QfpayClient);
    this.budget = new RequestBudget({
      merchant: this.merchant,
      limits: deps.options.requestBudget,
      store: deps.budgetStore,
      logger: deps.logger,
      ...(deps.now ? { now: deps.now } : {}),
    });
    this.orders = new QfpayOrders(budgetedCalls(client, this.budget, "money"), deps.options, deps.now);
    this.payments = new SessionPayments({
      orders: this.orders,
      store: deps.store,
      lock: deps.lock,
      options: deps.options,
      onChange: deps.onChange,
      ...(deps.now ? { now: deps.now } : {}),
    });
    this.sync = new StatusSync({
      merchant: this.merchant,
      payments: this.payments,
      calls: budgetedCalls(client, this.budget, "sync"),
      lease: deps.lease,
      logger: deps.logger,
    });
    this.reconcileCalls = budgetedCalls(client, this.budget, "reconcile");
    this.reconciler = new Reconciler({
      merchant: this.merchant,
      payments: this.payments,
      calls: this.reconcileCalls,
      // QFPay serves the daily statement in production environments only.
      dailyStatement: servesDailyStatement(deps.options),
      options: deps.options,
      lease: deps.lease,
      logger: deps.logger,
    });
  }

  receiveNotification(request: NotificationRequest, medusa: StoreOrders): Promise<NotificationAnswer> {
    return receiveNotification(request, {
      payments: this.payments,
      clientKey: this.options.clientKey,
      outTradeNoPrefix: this.options.outTradeNoPrefix,
      medusa,
      logger: this.deps.logger,
    });
  }
}

/** The merchant's public name in locks, budgets and logs: app code and mchid, never the key. */
export function merchantOf(options: Pick<ResolvedQfpayOptions, "appCode" | "mchid">): string {
  return options.mchid ? `${options.appCode}/${options.mchid}` : options.appCode;
}
