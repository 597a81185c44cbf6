type Child = Node | string | null | undefined | false;

/** A small element builder: attributes as strings, text as text nodes (never HTML). */
export function h(tag: string, attributes: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

export function money(amount: number, currencyCode: string): string {
  return new Intl.NumberFormat("en-HK", { style: "currency", currency: currencyCode.toUpperCase() }).format(amount);
}
