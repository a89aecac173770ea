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
  // Tests reshape loosely typed fixture JSON.
  { files: ["test/**"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
);
