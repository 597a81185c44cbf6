/**
 * Decides whether the element may send the shopper to a wallet's `pay_url`: any https URL, or an
 * http URL only on an origin the page explicitly allowed (the local sandbox). Nothing else:
 * no javascript:, data:, blob:, file:, no credentials in the URL.
 */
export function safeRedirectUrl(candidate: string, allowedHttpOrigins: readonly string[] = []): URL | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.username !== "" || url.password !== "") return null;
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && allowedHttpOrigins.map(normaliseOrigin).includes(url.origin)) return url;
  return null;
}

/** Parses the `allowed-redirect-origins` attribute: origins separated by spaces or commas. */
export function parseOriginList(value: string | null | undefined): string[] {
  return (value ?? "").split(/[\s,]+/).filter((entry) => entry !== "");
}

function normaliseOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return "";
  }
}
