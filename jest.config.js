/** Packages published only as ES modules, which jest must compile to CommonJS. */
const ESM_ONLY = ["openid-client", "oauth4webapi", "jose"];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }],
    // openid-client and jose (and oauth4webapi under openid-client) ship only ES modules. Node 20 requires them
    // natively (tsx, dist), but jest's own module loader cannot until Node 24.9, so swc turns them into CommonJS
    // here, in tests only: the code that imports them stays a plain import.
    [`/node_modules/(${ESM_ONLY.join("|")})/.+\\.js$`]: ["@swc/jest", { jsc: { target: "es2022" }, module: { type: "commonjs" } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join("|")})/)`],
  setupFiles: ["<rootDir>/test/support/setupEnv.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/support/releaseNock.ts"],
  // PGlite starts a WebAssembly Postgres per test file; two workers suit a 2-core machine.
  maxWorkers: 2,
  // Generous: a loaded 2-core CI machine took up to 25 s to open the embedded database for a file's first test.
  testTimeout: 60000,
  // Jest 30 "soft"-deletes what a test file left on shared global objects; setting such a property again then
  // recurses until the stack overflows (seen on 'set_message', failing a whole suite at random). Each file runs in
  // its own module registry anyway.
  testEnvironmentOptions: { globalsCleanup: "off" },
};
