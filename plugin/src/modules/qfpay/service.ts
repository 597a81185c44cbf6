import type { ILockingModule, Logger } from "@medusajs/framework/types";
import { MedusaError, MedusaService } from "@medusajs/framework/utils";
import { QfpayRuntime } from "../../core/runtime";
import { lockingLease } from "../../medusa/lease";
import { lockingSessionLock } from "../../medusa/session-lock";
import type { ResolvedQfpayOptions } from "../../qfpay";
import { PostgresBudgetStore } from "./budget-store";
import { PostgresLedger, type LedgerTables, type SqlRunner } from "./ledger-store";
import QfpayEvent from "./models/qfpay-event";
import QfpayRequestWindow from "./models/qfpay-request-window";
import QfpayTransaction from "./models/qfpay-transaction";
import { merchantOptionsOf } from "./merchant-options";
import { SessionWaiters } from "./session-waiters";

type InjectedDependencies = {
  logger: Logger;
  __pg_connection__: { raw(sql: string, bindings: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }> };
};

/**
 * The plugin's module: the ledger of QFPay transactions (Postgres), the merchant's request budget, and the one
 * QFPay runtime of this process, built from the plugin's options and shared by the provider, routes and jobs.
 */
export default class QfpayModuleService extends MedusaService({ QfpayTransaction, QfpayEvent, QfpayRequestWindow }) {
  private readonly logger: Logger;
  private readonly sql: SqlRunner;
  private readonly settings: ResolvedQfpayOptions | undefined;
  private built: QfpayRuntime | undefined;
  readonly waiters: SessionWaiters;

  constructor(container: InjectedDependencies, options?: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [InjectedDependencies]));
    this.logger = container.logger;
    this.sql = container.__pg_connection__;
    this.settings = merchantOptionsOf(options);
    this.waiters = new SessionWaiters((since, sessionIds) => this.sessionsChangedSince(since, sessionIds));
  }

  /** Whether the plugin was given a QFPay merchant's options. */
  get configured(): boolean {
    return this.settings !== undefined;
  }

  /**
   * The QFPay runtime. `locking` is Medusa's locking module (in memory, or Redis for several instances): the
   * plugin's module cannot resolve it itself, so whoever asks first hands it over; it is one and the same.
   */
  runtime(locking: ILockingModule | undefined): QfpayRuntime {
    if (this.built) return this.built;
    if (!this.settings) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        'QFPay is not configured: give the merchant options to the plugin (plugins: [{ resolve: "@qfpay-medusa/plugin", options: { appCode, clientKey, ... } }])',
      );
    }
    if (!locking) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        'QFPay needs Medusa\'s locking module: add dependencies: ["qfpay", "locking"] to the payment module in medusa-config',
      );
    }
    this.built = new QfpayRuntime({
      options: this.settings,
      store: new PostgresLedger(this as unknown as LedgerTables, this.sql),
      budgetStore: new PostgresBudgetStore(this.sql),
      lock: lockingSessionLock(locking),
      lease: lockingLease(locking),
      logger: this.logger,
      onChange: (sessionId) => this.waiters.wake(sessionId),
    });
    return this.built;
  }

  private async sessionsChangedSince(since: Date, sessionIds: string[]): Promise<string[]> {
    const { rows } = await this.sql.raw(`SELECT DISTINCT session_id FROM qfpay_transaction WHERE updated_at >= ? AND session_id = ANY(?)`, [since, sessionIds]);
    return rows.map((row) => String(row.session_id));
  }
}
