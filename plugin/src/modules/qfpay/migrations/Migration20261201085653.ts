import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201085653 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "qfpay_transaction" drop constraint if exists "qfpay_transaction_out_trade_no_unique";`);
    this.addSql(
      `create table if not exists "qfpay_event" ("id" text not null, "session_id" text not null, "out_trade_no" text null, "kind" text not null, "message" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "qfpay_event_pkey" primary key ("id"));`,
    );
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_qfpay_event_session_id" ON "qfpay_event" ("session_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_qfpay_event_deleted_at" ON "qfpay_event" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(
      `create table if not exists "qfpay_request_window" ("id" text not null, "second" integer not null, "second_count" integer not null, "minute" integer not null, "minute_count" integer not null, "paused_until" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "qfpay_request_window_pkey" primary key ("id"));`,
    );
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_qfpay_request_window_deleted_at" ON "qfpay_request_window" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(
      `create table if not exists "qfpay_transaction" ("id" text not null, "out_trade_no" text not null, "kind" text check ("kind" in ('payment', 'capture', 'refund')) not null, "session_id" text not null, "attempt" integer not null, "parent_out_trade_no" text null, "syssn" text null, "orig_syssn" text null, "amount" integer not null, "currency_code" text not null, "pay_type" text null, "state" text not null, "state_message" text null, "superseded" boolean not null default false, "origin" text check ("origin" in ('store', 'qfpay')) not null default 'store', "resolution" text null, "resolution_note" text null, "cart_id" text null, "order_id" text null, "idempotency_key" text null, "notified_at" timestamptz null, "confirmed_at" timestamptz null, "next_check_at" timestamptz null, "watched_until" timestamptz null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "qfpay_transaction_pkey" primary key ("id"));`,
    );
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_qfpay_transaction_out_trade_no_unique" ON "qfpay_transaction" ("out_trade_no") WHERE deleted_at IS NULL;`,
    );
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_qfpay_transaction_session_id" ON "qfpay_transaction" ("session_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_qfpay_transaction_deleted_at" ON "qfpay_transaction" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_qfpay_transaction_next_check_at" ON "qfpay_transaction" ("next_check_at") WHERE next_check_at IS NOT NULL AND deleted_at IS NULL;`,
    );
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_qfpay_transaction_syssn" ON "qfpay_transaction" ("syssn") WHERE syssn IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_qfpay_transaction_state_resolution" ON "qfpay_transaction" ("state", "resolution") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "qfpay_event" cascade;`);

    this.addSql(`drop table if exists "qfpay_request_window" cascade;`);

    this.addSql(`drop table if exists "qfpay_transaction" cascade;`);
  }
}
