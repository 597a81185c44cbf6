// After `tsc -p tsconfig.build.json`: the element's declarations import a few types from
// @qfpay-medusa/shared/checkout, which is only a development dependency (its code is bundled in). This step
// writes those types out in full into dist/types/shared-types.d.ts and points the imports there, so a
// storefront's compiler needs no other package. It fails if anything in dist/types still names it or zod.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const SHARED = "@qfpay-medusa/shared/checkout";
const OUTPUT_NAME = "shared-types";
const widgetRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const typesRoot = path.join(widgetRoot, "dist/types");
// `import type { A }`, `import { type A }` and `export type { A }`: the forms tsc writes for type-only names.
const importFromShared = /(import|export)\s+(?:type\s*)?\{([^}]*)\}\s*from\s*["']@qfpay-medusa\/shared\/checkout["'];?/g;

/** The names of one import or export list, without their `type` markers. */
const namesOf = (list) =>
  list
    .split(",")
    .map((name) => name.trim().replace(/^type\s+/, ""))
    .filter(Boolean);

function declarationFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return declarationFiles(full);
    return entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function importedNames(source) {
  return [...source.matchAll(importFromShared)].flatMap((match) => namesOf(match[2]));
}

/**
 * Each shared type and every shared type it names, in declaration order of discovery: an interface as written
 * (its doc comments kept), an alias spelled out by the compiler (`(typeof CHECKOUT_MODES)[number]` becomes its union).
 */
function expandTypes(names) {
  const probePath = path.join(widgetRoot, "build/__shared-types-probe.ts");
  const probeText = `import type { ${names.join(", ")} } from "${SHARED}";\n`;
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
  host.getSourceFile = (file, language, ...rest) => (file === probePath ? ts.createSourceFile(file, probeText, language) : readSource(file, language, ...rest));
  host.fileExists = (file) => file === probePath || fileExists(file);
  const program = ts.createProgram([probePath], options, host);
  const problems = ts.getPreEmitDiagnostics(program);
  if (problems.length > 0) throw new Error(ts.formatDiagnostics(problems, host));

  const checker = program.getTypeChecker();
  const probe = program.getSourceFile(probePath);
  const printer = ts.createPrinter();
  const flags = ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.InTypeAlias;
  const written = new Map();
  const visit = (found) => {
    const symbol = found && found.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(found) : found;
    const declaration = symbol?.declarations?.[0];
    // Only the shared package's own types: TypeScript's (Readonly, Record, Exclude) are everywhere already.
    if (!declaration || written.has(symbol.name) || program.isSourceFileDefaultLibrary(declaration.getSourceFile())) return;
    if (ts.isInterfaceDeclaration(declaration)) {
      const source = declaration.getSourceFile();
      const [docStart, start] = [declaration.getStart(source, true), declaration.getStart(source)];
      written.set(symbol.name, `${source.text.slice(docStart, start)}export ${source.text.slice(start, declaration.end)}`);
      const references = (node) => {
        if (ts.isTypeReferenceNode(node)) visit(checker.getSymbolAtLocation(node.typeName));
        ts.forEachChild(node, references);
      };
      ts.forEachChild(declaration, references);
    } else if (ts.isTypeAliasDeclaration(declaration)) {
      const node = checker.typeToTypeNode(checker.getDeclaredTypeOfSymbol(symbol), undefined, flags);
      written.set(symbol.name, `export type ${symbol.name} = ${printer.printNode(ts.EmitHint.Unspecified, node, probe)};`);
    } else {
      throw new Error(`${symbol.name}: neither an interface nor a type alias`);
    }
  };
  for (const specifier of probe.statements.flatMap((statement) => statement.importClause?.namedBindings?.elements ?? [])) {
    visit(checker.getSymbolAtLocation(specifier.name));
  }
  return [...written.values()];
}

const files = declarationFiles(typesRoot);
const names = [...new Set(files.flatMap((file) => importedNames(readFileSync(file, "utf8"))))].sort();
if (names.length > 0) {
  const header = `// The types the element shares with ${SHARED}, written out at build time (do not edit).\n`;
  writeFileSync(path.join(typesRoot, `${OUTPUT_NAME}.d.ts`), header + expandTypes(names).join("\n\n") + "\n");
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    if (!source.includes(SHARED)) continue;
    let relative = path
      .relative(path.dirname(file), path.join(typesRoot, `${OUTPUT_NAME}.js`))
      .split(path.sep)
      .join("/");
    if (!relative.startsWith(".")) relative = `./${relative}`;
    writeFileSync(
      file,
      source.replace(importFromShared, (_match, keyword, list) => `${keyword} type { ${namesOf(list).join(", ")} } from "${relative}";`),
    );
  }
}

const stillImported = /(from\s*|import\(\s*)["'](@qfpay-medusa\/shared|zod)["'/]/;
const leftovers = declarationFiles(typesRoot).filter((file) => stillImported.test(readFileSync(file, "utf8")));
if (leftovers.length > 0) {
  console.error(`dist/types still refers to ${SHARED} or zod in:\n  ${leftovers.map((file) => path.relative(widgetRoot, file)).join("\n  ")}`);
  process.exit(1);
}
console.log(`dist/types: ${names.length} shared type(s) written out (${names.join(", ") || "none"})`);
