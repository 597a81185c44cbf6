// publint on a packed tarball, warnings counted as errors, with per-package exceptions that are named and
// explained in check-packages.sh. Usage: node scripts/publint-tarball.mjs <tarball> [allowed message code ...]
import { readFile } from "node:fs/promises";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

const [tarballPath, ...allowedCodes] = process.argv.slice(2);
const tarball = await readFile(tarballPath);
const { messages, pkg } = await publint({
  pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
  strict: true,
});

let problems = 0;
for (const message of messages) {
  const allowed = allowedCodes.includes(message.code);
  const failing = message.type !== "suggestion" && !allowed;
  if (failing) problems += 1;
  const label = allowed ? "allowed" : message.type;
  console.log(`${label} [${message.code}] ${formatMessage(message, pkg, { color: false }) ?? ""}`);
}
console.log(problems === 0 ? "publint: no problems" : `publint: ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
