import "@qfpay-medusa/widget/define";
import { h, money } from "./dom";
import { clearCart, loadState, saveState } from "./checkout-state";
import { StoreApi, type Cart, type Order, type Region } from "./store-api";
import { walletOptions } from "./wallet-options";

const api = new StoreApi(__MEDUSA_URL__, __PUBLISHABLE_KEY__);
const app = document.getElementById("app")!;
const regionSelect = document.getElementById("region") as HTMLSelectElement;
let regions: Region[] = [];

function show(...children: Node[]): void {
  app.replaceChildren(...children);
}

function showError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  app.prepend(h("p", { class: "error", role: "alert", "data-testid": "error" }, message));
}

function currentRegion(): Region {
  return regions.find((r) => r.id === regionSelect.value) ?? regions[0]!;
}

async function ensureCart(): Promise<Cart> {
  const state = loadState();
  if (state.cartId) {
    const cart = await api.cart(state.cartId).catch(() => null);
    if (cart && cart.region_id === currentRegion().id) return cart;
  }
  const cart = await api.createCart(currentRegion().id);
  saveState({ regionId: currentRegion().id, cartId: cart.id });
  return cart;
}

function cartSummary(cart: Cart | null): HTMLElement {
  if (!cart || cart.items.length === 0) return h("aside", { class: "cart", "data-testid": "cart" }, "Your cart is empty.");
  return h(
    "aside",
    { class: "cart", "data-testid": "cart" },
    h("h2", {}, "Cart"),
    h("ul", {}, ...cart.items.map((item) => h("li", {}, `${item.quantity} × ${item.title}`))),
    h("p", {}, "Total ", h("strong", { "data-testid": "cart-total" }, money(cart.total, cart.currency_code))),
    button("Checkout", "checkout", () => void run(renderCheckout)),
  );
}

function button(label: string, testId: string, onClick: () => void, type: "button" | "submit" = "button"): HTMLElement {
  const element = h("button", { type, "data-testid": testId }, label);
  element.addEventListener("click", (event) => {
    if (type === "button") event.preventDefault();
    onClick();
  });
  return element;
}

async function renderProducts(): Promise<void> {
  const region = currentRegion();
  const [products, cart] = await Promise.all([
    api.products(region.id),
    loadState().cartId ? api.cart(loadState().cartId!).catch(() => null) : Promise.resolve(null),
  ]);
  const list = h(
    "section",
    { class: "products" },
    ...products.map((product) => {
      const variant = product.variants[0];
      const price = variant?.calculated_price;
      return h(
        "article",
        { class: "product", "data-testid": "product" },
        h("h2", {}, product.title),
        h("p", {}, product.description ?? ""),
        h("p", { class: "price" }, price ? money(price.calculated_amount, price.currency_code) : "Not sold here"),
        variant && price
          ? button(
              "Add to cart",
              `add-${product.id}`,
              () =>
                void run(async () => {
                  const current = await ensureCart();
                  await api.addItem(current.id, variant.id);
                  await renderProducts();
                }),
            )
          : null,
      );
    }),
  );
  show(list, cartSummary(cart && cart.region_id === region.id ? cart : null));
}

function field(label: string, name: string, type = "text", value = ""): HTMLElement {
  return h("label", {}, label, h("input", { name, type, required: true, value, "data-testid": `field-${name}` }));
}

/** The drop-in choice: the widget lists the wallets itself (and signs in to WeChat for WeChat Pay inside WeChat). */
const DROP_IN = "drop-in";

async function renderCheckout(): Promise<void> {
  const cart = await ensureCart();
  const region = currentRegion();
  const wallets = walletOptions(await api.payTypes(cart.id));
  const form = h(
    "form",
    { class: "checkout", "data-testid": "checkout-form" },
    h("h2", {}, "Contact and delivery"),
    field("Email", "email", "email"),
    field("First name", "first_name"),
    field("Last name", "last_name"),
    field("Address", "address_1"),
    field("City", "city"),
    h(
      "label",
      {},
      "Country",
      h(
        "select",
        { name: "country_code", "data-testid": "field-country_code" },
        ...region.countries.map((c) => h("option", { value: c.iso_2 }, c.display_name)),
      ),
    ),
    h("h2", {}, "Pay with"),
    h(
      "fieldset",
      { class: "wallets", "data-testid": "wallets" },
      ...wallets.map((wallet, i) =>
        h(
          "label",
          { class: "wallet" },
          h("input", {
            type: "radio",
            name: "pay_type",
            value: wallet.payType,
            checked: i === 0,
            "data-mode": wallet.mode,
            "data-testid": `wallet-${wallet.payType}`,
          }),
          ` ${wallet.label} `,
          h("small", {}, `(${wallet.hint})`),
        ),
      ),
      h(
        "label",
        { class: "wallet" },
        h("input", { type: "radio", name: "pay_type", value: DROP_IN, checked: wallets.length === 0, "data-testid": "wallet-drop-in" }),
        " Let the payment widget list the wallets ",
        h("small", {}, "(drop-in)"),
      ),
    ),
    h("p", {}, "To pay ", h("strong", {}, money(cart.total, cart.currency_code)), " plus delivery"),
    h("button", { type: "submit", "data-testid": "pay" }, "Pay"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? "");
    void run(async () => {
      await api.setContact(cart.id, text("email"), {
        first_name: text("first_name"),
        last_name: text("last_name"),
        address_1: text("address_1"),
        city: text("city"),
        country_code: text("country_code"),
      });
      const withShipping = await api.chooseShipping(cart.id);
      const returnUrl = `${location.origin}/?return=${encodeURIComponent(cart.id)}`;
      const choice = text("pay_type");
      const chosen = wallets.find((wallet) => wallet.payType === choice);
      if (choice === DROP_IN || chosen?.mode === "jsapi") {
        // WeChat Pay inside WeChat needs the shopper's openid: the drop-in signs in through QFPay and opens it.
        saveState({ ...loadState(), cartId: cart.id, dropIn: true });
        renderDropIn(withShipping.id, returnUrl, withShipping.total, withShipping.currency_code);
        return;
      }
      const session = await api.startQfpaySession(withShipping, choice, returnUrl);
      saveState({ ...loadState(), cartId: cart.id, sessionId: session.id, dropIn: false });
      renderPayment(withShipping.id, session.id, withShipping.total, withShipping.currency_code);
    });
  });
  show(form, cartSummary(cart));
}

function renderPayment(cartId: string, sessionId: string, total?: number, currency?: string): void {
  const widget = h("qfpay-checkout", {
    "backend-url": __MEDUSA_URL__,
    "publishable-key": __PUBLISHABLE_KEY__,
    "session-id": sessionId,
    "allowed-redirect-origins": __REDIRECT_ORIGINS__.join(" "),
    "poll-interval": "1000",
    "data-testid": "qfpay-checkout",
  });
  const changeWallet = button("Choose another wallet", "change-wallet", () => void run(renderCheckout));
  widget.addEventListener("qfpay-succeeded", () => {
    changeWallet.remove(); // paid: the only way on is the order
    void run(() => completeOrder(cartId));
  });
  show(paymentSection(total, currency, widget, changeWallet));
}

/** The payment step: its heading, the amount when known, and what pays it. */
function paymentSection(total: number | undefined, currency: string | undefined, ...content: HTMLElement[]): HTMLElement {
  return h(
    "section",
    { class: "payment" },
    h("h2", {}, "Payment"),
    total !== undefined && currency ? h("p", {}, "Amount ", h("strong", {}, money(total, currency))) : null,
    ...content,
  );
}

/** The widget on its own: wallet picker, session, QR / redirect / WeChat, status. */
function renderDropIn(cartId: string, returnUrl: string, total?: number, currency?: string): void {
  const widget = h("qfpay-checkout", {
    "backend-url": __MEDUSA_URL__,
    "publishable-key": __PUBLISHABLE_KEY__,
    "cart-id": cartId,
    "return-url": returnUrl,
    "allowed-redirect-origins": __REDIRECT_ORIGINS__.join(" "),
    "poll-interval": "1000",
    "data-testid": "qfpay-checkout",
  });
  widget.addEventListener("qfpay-succeeded", () => void run(() => completeOrder(cartId)));
  show(paymentSection(total, currency, widget));
}

async function completeOrder(cartId: string): Promise<void> {
  const order = await api.complete(cartId);
  clearCart();
  history.replaceState(null, "", "/");
  renderOrder(order);
}

function renderOrder(order: Order): void {
  show(
    h(
      "section",
      { class: "order", "data-testid": "order" },
      h("h2", {}, "Thank you!"),
      h("p", {}, "Order ", h("strong", { "data-testid": "order-number" }, `#${order.display_id}`), " is placed."),
      h("p", {}, "Paid ", h("strong", { "data-testid": "order-total" }, money(order.total, order.currency_code)), ` by ${order.email}`),
      h("p", { hidden: true, "data-testid": "order-id" }, order.id),
      button("Continue shopping", "continue", () => void run(renderProducts)),
    ),
  );
}

async function run(step: () => Promise<void> | void): Promise<void> {
  try {
    await step();
  } catch (error) {
    showError(error);
  }
}

async function start(): Promise<void> {
  regions = (await api.regions()).sort((a, b) => a.name.localeCompare(b.name));
  const state = loadState();
  regionSelect.replaceChildren(...regions.map((r) => h("option", { value: r.id }, `${r.name} (${r.currency_code.toUpperCase()})`)));
  if (state.regionId) regionSelect.value = state.regionId;
  regionSelect.addEventListener("change", () => {
    saveState({ regionId: regionSelect.value });
    void run(renderProducts);
  });
  const returning = new URLSearchParams(location.search).get("return");
  if (returning && state.dropIn && state.cartId === returning) {
    renderDropIn(returning, `${location.origin}/?return=${encodeURIComponent(returning)}`);
    return;
  }
  if (returning && state.sessionId && state.cartId === returning) {
    renderPayment(returning, state.sessionId);
    return;
  }
  await renderProducts();
}

void run(start);
