/**
 * Preloaded into Medusa's processes (NODE_OPTIONS=--require, see medusa.ts).
 *
 * In this pnpm workspace the plugin is linked from ../plugin, whose own node_modules hold its
 * development copies of @medusajs/* (resolved with other peers, so other folders). Medusa then
 * loads two copies of core-flows and refuses to start ("Workflow with id ... already exists").
 * Here, every @medusajs/* request made by the plugin's build output resolves from this app
 * instead, so the server sees one copy, as it would with the plugin installed from the registry.
 */
const Module = require("node:module");
const path = require("node:path");
const fs = require("node:fs");

const appDir = path.resolve(__dirname, "..");
const appRequire = Module.createRequire(path.join(appDir, "package.json"));

function pluginBuildDir() {
  try {
    const pluginPackage = fs.realpathSync(path.join(appDir, "node_modules", "@qfpay-medusa", "plugin"));
    return path.join(pluginPackage, ".medusa") + path.sep;
  } catch {
    return null;
  }
}

const buildDir = pluginBuildDir();
if (buildDir) {
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (request.startsWith("@medusajs/") && parent && parent.filename && parent.filename.startsWith(buildDir)) {
      try {
        return appRequire.resolve(request);
      } catch {
        // Not a package the app has: resolve as usual.
      }
    }
    return resolveFilename.call(this, request, parent, ...rest);
  };
}
