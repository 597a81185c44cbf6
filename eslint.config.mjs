// One lint setup for every package: typescript-eslint everywhere, Lit and web-component rules for the widget,
// formatting left to Prettier (eslint-config-prettier turns off the rules it owns).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import lit from "eslint-plugin-lit";
import wc from "eslint-plugin-wc";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/.medusa/**",
      "**/.pgdata/**",
      "**/coverage/**",
      "**/artifacts/**",
      "widget/custom-elements.json",
      "demo/storefront/dist/**",
      "compat/.work/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-explicit-any": "error",
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
      // Declaration merging of module interfaces (Medusa's, Lit's HTMLElementTagNameMap) is how those libraries are typed.
      "@typescript-eslint/no-namespace": "off",
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
    },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["widget/src/**/*.ts", "widget/demo/**/*.{ts,mjs}", "demo/storefront/**/*.ts", "plugin/src/admin/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["widget/src/**/*.ts"],
    ...lit.configs["flat/recommended"],
  },
  {
    files: ["widget/src/**/*.ts"],
    ...wc.configs["flat/recommended"],
  },
  prettier,
);
