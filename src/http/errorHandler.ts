// One answer for every request that fails before or inside a route: the status, a short reason and a request id
// to find the log line by. Never a stack or a file path, whatever NODE_ENV is: callers may be anyone.
import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { ErrorRequestHandler } from "express";
import type { Logger } from "pino";

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const given =
      typeof error === "object" && error !== null
        ? ((error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode)
        : undefined;
    const status = typeof given === "number" && given >= 400 && given < 600 ? given : 500;
    const requestId = randomUUID();
    const message = error instanceof Error ? error.message : String(error);
    if (status >= 500) logger.error({ requestId, path: req.path, err: message }, "request failed");
    else logger.info({ requestId, path: req.path, status, err: message }, "request refused");
    res.status(status).json({ error: STATUS_CODES[status] ?? "Error", requestId });
  };
}
