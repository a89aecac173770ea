/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  setupFiles: ["<rootDir>/test/support/setupEnv.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/support/releaseNock.ts"],
  // PGlite starts a WebAssembly Postgres per test file; two workers suit a 2-core machine.
  maxWorkers: 2,
  testTimeout: 30000,
  // Jest 30 "soft"-deletes what a test file left on shared global objects; setting such a property again then
  // recurses until the stack overflows (seen on 'set_message', failing a whole suite at random). Each file runs in
  // its own module registry anyway.
  testEnvironmentOptions: { globalsCleanup: "off" },
};
