/**
 * The warnings Lit's development build gives on this page (a change scheduled during an update, an attribute it
 * cannot read, and the like), recorded from the console. Its notice that it runs in dev mode is expected.
 */
declare global {
  // Lit's record of the warnings it gave on this page, so it gives each once (development build only).
  var litIssuedWarnings: Set<string | undefined> | undefined;
}

const DEV_MODE_NOTICE = "lit.dev/msg/dev-mode";
const warnings: string[] = [];
const warn = console.warn.bind(console);

console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(" ");
  if (text.includes("lit.dev/msg/") && !text.includes(DEV_MODE_NOTICE)) warnings.push(text);
  warn(...args);
};

/** The warnings recorded since the last call (or `forgetLitWarnings`), forgotten. */
export function takeLitWarnings(): string[] {
  return warnings.splice(0);
}

/** Starts a test afresh: Lit would not repeat a warning that an earlier test on this page provoked. */
export function forgetLitWarnings(): void {
  warnings.length = 0;
  for (const warning of globalThis.litIssuedWarnings ?? []) {
    if (!warning?.includes(DEV_MODE_NOTICE)) globalThis.litIssuedWarnings!.delete(warning);
  }
}
