// Our own limits on slow and many clients, rather than Node's defaults (a client trickling its headers was kept for
// 83 s, a slow body for 5 minutes, and connections were not capped).
import type { Server } from "node:http";

export const SERVER_LIMITS = {
  /** The whole request head must arrive within this. */
  headersTimeoutMs: 10_000,
  /** The whole request, body included, within this. */
  requestTimeoutMs: 30_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
} as const;

export function hardenServer(server: Server): Server {
  server.headersTimeout = SERVER_LIMITS.headersTimeoutMs;
  server.requestTimeout = SERVER_LIMITS.requestTimeoutMs;
  server.keepAliveTimeout = SERVER_LIMITS.keepAliveTimeoutMs;
  server.maxConnections = SERVER_LIMITS.maxConnections;
  return server;
}
