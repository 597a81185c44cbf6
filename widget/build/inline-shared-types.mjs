// After `tsc -p tsconfig.build.json`: the element's declarations import a few types from
// @qfpay-medusa/shared, which is only a development dependency (its types are built on zod). This step
// writes those types out in full into dist/types/shared-types.d.ts and points the imports there, so a
// storefront's compiler needs neither package. It fails if anything in dist/types still names them.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const SHARED = "@qfpay-medusa/shared";
const OUTPUT_NAME = "shared-types";
const widgetRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const typesRoot = path.join(widgetRoot, "dist/types");
const importFromShared = /import\s+type\s*\{([^}]*)\}\s*from\s*["']@qfpay-medusa\/shared["'];?/g;

function declarationFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return declarationFiles(full);
    return entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function importedNames(source) {
  return [...source.matchAll(importFromShared)].flatMap((match) =>
    match[1]
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean),
  );
}

/** Each shared type spelled out by the compiler, as one `export type` per name. */
function expandTypes(names) {
  const probePath = path.join(widgetRoot, "build/__shared-types-probe.ts");
  const probeText =
    `import type { ${names.join(", ")} } from "${SHARED}";\n` + names.map((name) => `export type ${name}_ = ${name};`).join("\n");
  const options = {
    strict: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readSource = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    file === probePath ? ts.createSourceFile(file, probeText, language) : readSource(file, language, ...rest);
  host.fileExists = (file) => file === probePath || fileExists(file);
  const program = ts.createProgram([probePath], options, host);
  const problems = ts.getPreEmitDiagnostics(program);
  if (problems.length > 0) throw new Error(ts.formatDiagnostics(problems, host));

  const checker = program.getTypeChecker();
  const probe = program.getSourceFile(probePath);
  const printer = ts.createPrinter();
  const flags =
    ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.InTypeAlias | ts.NodeBuilderFlags.MultilineObjectLiterals;
  return probe.statements.filter(ts.isTypeAliasDeclaration).map((alias) => {
    const node = checker.typeToTypeNode(checker.getTypeAtLocation(alias.name), undefined, flags);
    const text = printer.printNode(ts.EmitHint.Unspecified, node, probe);
    return `export type ${alias.name.text.slice(0, -1)} = ${text};`;
  });
}

const files = declarationFiles(typesRoot);
const names = [...new Set(files.flatMap((file) => importedNames(readFileSync(file, "utf8"))))].sort();
if (names.length > 0) {
  const header = `// The types the element shares with ${SHARED}, written out at build time (do not edit).\n`;
  writeFileSync(path.join(typesRoot, `${OUTPUT_NAME}.d.ts`), header + expandTypes(names).join("\n") + "\n");
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    if (!source.includes(SHARED)) continue;
    let relative = path.relative(path.dirname(file), path.join(typesRoot, `${OUTPUT_NAME}.js`)).split(path.sep).join("/");
    if (!relative.startsWith(".")) relative = `./${relative}`;
    writeFileSync(file, source.replace(importFromShared, (_match, list) => `import type {${list}} from "${relative}";`));
  }
}

const stillImported = /(from\s*|import\(\s*)["'](@qfpay-medusa\/shared|zod)["'/]/;
const leftovers = declarationFiles(typesRoot).filter((file) => stillImported.test(readFileSync(file, "utf8")));
if (leftovers.length > 0) {
  console.error(`dist/types still refers to ${SHARED} or zod in:\n  ${leftovers.map((file) => path.relative(widgetRoot, file)).join("\n  ")}`);
  process.exit(1);
}
console.log(`dist/types: ${names.length} shared type(s) written out (${names.join(", ") || "none"})`);
