// Settings for tests that drive the core without an app: the defaults a company would start with.
import type { CoreSettings } from "../../src/core/deps";

export function coreSettings(overrides: Partial<CoreSettings> = {}): CoreSettings {
  return {
    defaultLocale: "en",
    claimTtlMs: 3_600_000,
    routeDelayMs: 0,
    excerptLength: 200,
    timezone: "Europe/Amsterdam",
    ignoredUsernames: [],
    hrIds: [],
    aiTimeoutMs: 8_000,
    ...overrides,
  };
}
