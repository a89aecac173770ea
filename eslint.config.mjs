import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules", "dist", "src/generated", "data", "coverage", "bench/results", "jest.config.js", ".dependency-cruiser.cjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  { files: ["demo/**", "bench/**", "scripts/**", "test/eval/run.ts"], rules: { "no-console": "off" } },
  // The console's few browser scripts: plain, no build step, next to its stylesheet.
  {
    files: ["src/console/static/**/*.js"],
    languageOptions: {
      sourceType: "script",
      globals: { document: "readonly", window: "readonly", fetch: "readonly", microsoftTeams: "readonly" },
    },
  },
  // Tests reshape loosely typed fixture JSON.
  { files: ["test/**"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
);
