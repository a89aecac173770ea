// Bolt parses the body itself and answers 500 when its parts are not the shapes it reads without checking
// (`payload=null`, `actions: true`, `view: 3`). This runs first: it checks the signature on the raw bytes (401
// before anything is parsed), keeps them for Bolt (which reads `req.rawBody` when present) and refuses such bodies
// with a 400.
import { parse as parseForm } from "node:querystring";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import type { SlackSignatureCheck } from "./signatureCheck";

// Bolt reads `.id` of these whenever they are present: an object or absent, never null (enterprise may be null).
const part = z.record(z.string(), z.unknown()).optional();

/** What Slack sends to the one endpoint; slash commands and SSL checks are forms without a type. */
const KNOWN_TYPES = new Set(["block_actions", "view_submission", "view_closed", "event_callback", "url_verification", "app_rate_limited"]);

/** Interactions always say who acted; handlers rely on it. */
const INTERACTIONS = new Set(["block_actions", "view_submission", "view_closed", "shortcut", "message_action"]);

/** The envelope parts Bolt dereferences before any handler of ours runs. */
const slackRequest = z
  .object({
    type: z.string().optional(),
    command: z.unknown().optional(),
    ssl_check: z.unknown().optional(),
    team: part,
    user: part,
    channel: part,
    enterprise: z.record(z.string(), z.unknown()).nullish(),
    container: part,
    view: part,
    // Bolt takes the acting user and channel of an event from here.
    event: z
      .object({ type: z.string(), user: z.string().optional(), channel: z.union([z.string(), z.record(z.string(), z.unknown())]).optional() })
      .loose()
      .optional(),
    message: part,
    actions: z.array(z.record(z.string(), z.unknown())).min(1).optional(),
    authorizations: z.array(z.record(z.string(), z.unknown())).optional(),
    response_urls: z.array(z.unknown()).optional(),
    response_url: z.string().optional(),
    trigger_id: z.string().optional(),
  })
  .refine((body) => (body.type === undefined ? typeof body.command === "string" || body.ssl_check !== undefined : KNOWN_TYPES.has(body.type)), {
    message: "not a request type Advocate handles",
  })
  .refine((body) => !INTERACTIONS.has(body.type ?? "") || typeof body.user?.id === "string", { message: "interaction without a user id" })
  .refine((body) => body.type !== "block_actions" || body.actions, { message: "block_actions without actions" })
  .refine((body) => !["view_submission", "view_closed"].includes(body.type ?? "") || body.view, { message: "view event without a view" })
  .refine((body) => body.type !== "event_callback" || body.event, { message: "event_callback without an event" });

function parsedBody(raw: string, contentType: string | undefined): unknown {
  if (contentType?.startsWith("application/x-www-form-urlencoded")) {
    const form = parseForm(raw);
    return typeof form.payload === "string" ? JSON.parse(form.payload) : form;
  }
  return JSON.parse(raw);
}

export function guardSlackBodies(http: Express, endpoint: string, signatures: SlackSignatureCheck): void {
  http.post(endpoint, express.raw({ type: () => true, limit: "1mb" }), (req: Request, res: Response, next: NextFunction) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verdict = signatures.check(raw, req.headers);
    if (!verdict.ok) {
      // A repeat is acknowledged as Slack expects and does nothing; anything else is refused.
      if (verdict.repeat) res.status(200).end();
      else res.status(401).json({ error: verdict.reason });
      return;
    }
    (req as Request & { rawBody?: Buffer }).rawBody = raw;
    let body: unknown;
    try {
      body = parsedBody(raw.toString("utf8"), req.headers["content-type"]);
    } catch {
      body = null;
    }
    const parsed = slackRequest.safeParse(body);
    if (!parsed.success) {
      res
        .status(400)
        .json({ error: "body is not a Slack request", problems: parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`) });
      return;
    }
    next();
  });
}
