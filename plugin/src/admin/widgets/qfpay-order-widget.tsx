import { defineWidgetConfig } from "@medusajs/admin-sdk";
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types";
import { Badge, Button, Container, Copy, Heading, Text } from "@medusajs/ui";
import { CHECKOUT_STATUS_OUTCOMES, isCheckoutStatusValue, type CheckoutOutcome, type CheckoutStatusValue } from "@qfpay-medusa/shared/checkout";
import { useEffect, useState } from "react";
import type { QfpayEventView, QfpayOrderView, QfpayPaymentView, QfpayPaymentViewStatus, QfpayTransactionView } from "../../admin-views/order-view";
import { fetchQfpayOrderView, formatMinor, refundOrphan } from "../lib/qfpay-order-view";

type Load = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; view: QfpayOrderView };

type BadgeColor = "green" | "orange" | "red" | "grey" | "blue";

/** A checkout status is coloured by what it means for the shopper's money (the contract's outcome). */
const OUTCOME_COLORS: Record<CheckoutOutcome, BadgeColor> = {
  open: "orange",
  in_progress: "orange",
  succeeded: "green",
  failed: "red",
  lapsed: "grey",
};

/** The admin's own words for money that arrived: paid, or a pre-authorization's frozen funds. */
const SETTLED_COLORS: Record<Exclude<QfpayPaymentViewStatus, CheckoutStatusValue>, BadgeColor> = {
  paid: "green",
  "authorized (frozen)": "blue",
};

function statusColor(status: QfpayPaymentViewStatus): BadgeColor {
  // A status newer than this admin: grey.
  return (isCheckoutStatusValue(status) ? OUTCOME_COLORS[CHECKOUT_STATUS_OUTCOMES[status]] : SETTLED_COLORS[status]) ?? "grey";
}

/** A label and a value that can be copied; no links, so nothing leaves the admin. */
const Field = ({ label, value }: { label: string; value: string | null | undefined }) => (
  <div className="grid grid-cols-[110px_1fr] items-center gap-x-2 py-1">
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="flex min-w-0 items-start gap-x-1">
      <Text size="small" leading="compact" className="break-all font-mono">
        {value ?? "—"}
      </Text>
      {value ? <Copy content={value} variant="mini" /> : null}
    </div>
  </div>
);

const PaymentSection = ({ payment }: { payment: QfpayPaymentView }) => (
  <div className="px-6 py-4">
    <div className="mb-2 flex items-center justify-between">
      <Text size="small" weight="plus">
        {payment.wallet_name}
      </Text>
      <Badge size="2xsmall" color={statusColor(payment.status)}>
        {payment.status}
      </Badge>
    </div>
    <Field label="Amount" value={formatMinor(payment.amount, payment.amount_exponent, payment.currency_code)} />
    <Field label="Pay type" value={`${payment.pay_type}${payment.pay_type_description ? ` · ${payment.pay_type_description}` : ""}`} />
    <Field label="syssn" value={payment.syssn} />
    <Field label="out_trade_no" value={payment.out_trade_no} />
    {payment.capture ? <Field label="Capture syssn" value={payment.capture.syssn} /> : null}
    {payment.note ? <Field label="Note" value={payment.note} /> : null}
    {payment.refunds.length ? (
      <div className="mt-2">
        <Text size="small" weight="plus">
          Refunds ({formatMinor(payment.refunded, payment.amount_exponent, payment.currency_code)})
        </Text>
        {payment.refunds.map((refund) => (
          <div key={refund.out_trade_no} className="border-ui-border-base mt-1 border-t pt-1">
            <Field label="Amount" value={`${formatMinor(refund.amount, payment.amount_exponent, payment.currency_code)} · ${refund.status}`} />
            <Field label="out_trade_no" value={refund.out_trade_no} />
            <Field label="syssn" value={refund.syssn ?? null} />
          </div>
        ))}
      </div>
    ) : null}
  </div>
);

/** The card follows refunds made in the admin and what the reconciliation does, without a page reload. */
const REFRESH_MS = 5000;

const TransactionRow = ({ transaction, onRefund }: { transaction: QfpayTransactionView; onRefund: (outTradeNo: string) => void }) => (
  <div className="border-ui-border-base border-t py-1">
    <Field
      label={`${transaction.kind} #${transaction.attempt}`}
      value={`${formatMinor(transaction.amount, transaction.amount_exponent, transaction.currency_code)} · ${transaction.state}${transaction.resolution ? ` · ${transaction.resolution}` : ""}${transaction.origin === "qfpay" ? " · made at QFPay" : ""}`}
    />
    <Field label="out_trade_no" value={transaction.out_trade_no} />
    {transaction.resolution_note ? <Field label="Why" value={transaction.resolution_note} /> : null}
    {transaction.resolution === "awaiting_refund" ? (
      <Button size="small" variant="secondary" onClick={() => onRefund(transaction.out_trade_no)}>
        Refund in full
      </Button>
    ) : null}
  </div>
);

const EventRow = ({ event }: { event: QfpayEventView }) => (
  <Text size="small" leading="compact" className="py-1">
    <span className="text-ui-fg-subtle">{new Date(event.created_at).toLocaleString()} · </span>
    {event.message}
  </Text>
);

const LedgerSection = ({ view, onRefund }: { view: QfpayOrderView; onRefund: (outTradeNo: string) => void }) => (
  <div className="px-6 py-4">
    <Text size="small" weight="plus">
      QFPay transactions
    </Text>
    {view.transactions.map((transaction) => (
      <TransactionRow key={transaction.out_trade_no} transaction={transaction} onRefund={onRefund} />
    ))}
    {view.events.length ? (
      <div className="mt-2">
        <Text size="small" weight="plus">
          Reconciliation
        </Text>
        {view.events.map((event, index) => (
          <EventRow key={`${event.created_at}-${index}`} event={event} />
        ))}
      </div>
    ) : null}
  </div>
);

const QfpayOrderWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const refresh = () =>
      fetchQfpayOrderView(order.id, controller.signal)
        .then((view) => setLoad({ state: "ready", view }))
        .catch((error: Error) => {
          if (!controller.signal.aborted) setLoad({ state: "error", message: error.message });
        });
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [order.id, generation]);

  const onRefund = (outTradeNo: string) => {
    refundOrphan(outTradeNo)
      .then(() => setGeneration((value) => value + 1))
      .catch((error: Error) => setLoad({ state: "error", message: error.message }));
  };

  if (load.state === "ready" && load.view.payments.length === 0 && load.view.transactions.length === 0) return null;
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">QFPay</Heading>
      </div>
      {load.state === "loading" ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Loading…
        </Text>
      ) : load.state === "error" ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {load.message}
        </Text>
      ) : (
        <>
          {load.view.payments.map((payment) => (
            <PaymentSection key={payment.payment_id} payment={payment} />
          ))}
          {load.view.transactions.length ? <LedgerSection view={load.view} onRefund={onRefund} /> : null}
        </>
      )}
    </Container>
  );
};

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
});

export default QfpayOrderWidget;
