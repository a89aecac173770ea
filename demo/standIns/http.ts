// A tiny HTTP server on 127.0.0.1 with an ephemeral port, for the demo's stand-ins.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StandInRequest {
  method: string;
  /** Path and query, as sent. */
  url: URL;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface StandInReply {
  status?: number;
  headers?: Record<string, string>;
  json: unknown;
}

/** What the app answered a request sent to it (an ack's body, an invoke's response), as JSON when it is. */
export interface AppReply {
  status: number;
  json: Record<string, unknown> | null;
}

export async function replyOf(response: Response): Promise<AppReply> {
  const text = await response.text();
  try {
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  } catch {
    return { status: response.status, json: null };
  }
}

export interface RunningServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  close(): Promise<void>;
}

export async function listen(handle: (request: StandInRequest) => StandInReply | Promise<StandInReply>): Promise<RunningServer> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: StandInRequest = {
        method: req.method ?? "GET",
        url: new URL(req.url ?? "/", "http://127.0.0.1"),
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      Promise.resolve()
        .then(() => handle(request))
        .then(
          (reply) => send(res, reply),
          (error: unknown) => send(res, { status: 500, json: { ok: false, error: String(error) } }),
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, reply: StandInReply): void {
  const body = JSON.stringify(reply.json);
  res.writeHead(reply.status ?? 200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), ...reply.headers });
  res.end(body);
}

/** Resolves when `find` returns something, polling; rejects with the step's name after `timeoutMs`. */
export async function waitFor<T>(step: string, find: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new StepTimeout(step, timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export class StepTimeout extends Error {
  constructor(
    readonly step: string,
    readonly timeoutMs: number,
  ) {
    super(`timed out after ${timeoutMs / 1000} s waiting for: ${step}`);
  }
}
