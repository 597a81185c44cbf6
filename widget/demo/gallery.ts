// Gallery of the element's states against the stand-in status server (see vite.config.ts here).
// `?dist` loads the production build (run the build first) instead of the sources.

interface DemoConfig {
  backendUrl: string;
  publishableKey: string;
  /** A session to follow (`id`), or a cart for the drop-in (`cartId`). */
  sessions: Array<{ id?: string; cartId?: string; caption: string; locale?: string; allowedOrigins?: string }>;
}

const params = new URLSearchParams(location.search);
await import(/* @vite-ignore */ params.has("dist") ? "/dist/define.js" : "/src/define.ts");
const theme = params.get("theme") === "dark" ? "dark" : "light";
document.body.classList.toggle("dark", theme === "dark");

const config = (await (await fetch("/demo-sessions.json")).json()) as DemoConfig;
const gallery = document.getElementById("gallery")!;
const only = params.get("only");
for (const session of only === null ? config.sessions : config.sessions.filter((_, index) => String(index) === only)) {
  const figure = document.createElement("figure");
  const caption = document.createElement("figcaption");
  caption.textContent = session.caption;
  const checkout = document.createElement("qfpay-checkout");
  checkout.setAttribute("backend-url", config.backendUrl);
  checkout.setAttribute("publishable-key", config.publishableKey);
  if (session.id) checkout.setAttribute("session-id", session.id);
  if (session.cartId) checkout.setAttribute("cart-id", session.cartId);
  checkout.setAttribute("theme", theme);
  if (session.locale) checkout.setAttribute("locale", session.locale);
  if (session.allowedOrigins) checkout.setAttribute("allowed-redirect-origins", session.allowedOrigins);
  figure.append(caption, checkout);
  gallery.append(figure);
}
export {};
