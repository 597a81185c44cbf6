#!/usr/bin/env node
import { optionsFromCli, USAGE } from "./cli-args.js";
import { startSandbox } from "./server.js";

/** The `qfpay-sandbox` command: starts a sandbox, prints its URL, stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return;
  }
  let options;
  try {
    options = optionsFromCli(argv, process.env);
  } catch (error) {
    console.error(`qfpay-sandbox: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const sandbox = await startSandbox(options);
  const appCodes = options.merchants.map((merchant) => merchant.appCode).join(", ");
  console.log(`QFPay sandbox listening on ${sandbox.url} (app codes: ${appCodes})`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`qfpay-sandbox: ${signal}, stopping`);
    void sandbox.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`qfpay-sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
