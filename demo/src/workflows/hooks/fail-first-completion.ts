import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { completeCartWorkflow } from "@medusajs/medusa/core-flows";

type OrderCreatedHook = (handler: (input: { order_id: string; cart_id: string }, context: { container: MedusaContainer }) => Promise<void>) => void;
// The workflow has this hook (after the payment is authorized); its published type lists `validate` only.
const hooks = completeCartWorkflow.hooks as typeof completeCartWorkflow.hooks & { orderCreated: OrderCreatedHook };

/**
 * A fault for tests, off unless DEMO_FAIL_FIRST_COMPLETION_FOR is set: the first completion of a cart whose
 * email contains that text fails after Medusa authorized (and captured) its payment, as a crash or a failing
 * step of a real store would. Medusa then gives the payment back (its own compensation).
 */
const marker = process.env.DEMO_FAIL_FIRST_COMPLETION_FOR;
const failedOnce = new Set<string>();

if (marker) {
  hooks.orderCreated(async ({ cart_id }, { container }) => {
    if (failedOnce.has(cart_id)) return;
    const query = container.resolve(ContainerRegistrationKeys.QUERY);
    const { data } = await query.graph({ entity: "cart", fields: ["email"], filters: { id: cart_id } });
    const email = (data[0] as { email?: string | null } | undefined)?.email ?? "";
    if (!email.includes(marker)) return;
    failedOnce.add(cart_id);
    throw new Error(`Demo fault: the first completion of cart ${cart_id} fails after its payment was taken`);
  });
}
