// POST /webhooks/discourse: verify, validate, store once, answer fast. Processing happens in the outbox worker.
import express, { type Request, type Response, type Router } from "express";
import type { Logger } from "pino";
import type { CoreStore } from "../../core/deps";
import { acceptCommunityEvent } from "../../core/questions";
import { verifyDiscourseSignature } from "./signature";
import { isHandledEvent, mapDiscourseEvent } from "./mapEvent";

export interface DiscourseWebhookOptions {
  community: string;
  baseUrl: string;
  secret: string;
  ignoreStaff: boolean;
  /** Where a verified event is stored with its work: the unit of work, nothing more. */
  store: Pick<CoreStore, "transaction">;
  logger: Logger;
}

export function discourseWebhookRouter(options: DiscourseWebhookOptions): Router {
  const router = express.Router();
  router.post("/webhooks/discourse", express.raw({ type: () => true, limit: "1mb" }), (req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      // Storage failed: a non-2xx makes Discourse retry later, which is what we want.
      options.logger.error({ err: error }, "could not store Discourse webhook");
      if (!res.headersSent) res.status(503).json({ error: "temporarily unavailable" });
    });
  });
  return router;
}

async function handle(options: DiscourseWebhookOptions, req: Request, res: Response): Promise<void> {
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (!verifyDiscourseSignature(raw, req.header("x-discourse-event-signature"), options.secret)) {
    res.status(401).json({ error: "invalid signature" });
    return;
  }
  const name = req.header("x-discourse-event") ?? "";
  const deliveryId = req.header("x-discourse-event-id") ?? "";
  if (!name || !/^\d{1,20}$/.test(deliveryId)) {
    res.status(400).json({ error: "X-Discourse-Event and a numeric X-Discourse-Event-Id are required" });
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    res.status(400).json({ error: "body is not valid JSON" });
    return;
  }
  if (!isHandledEvent(name)) {
    res.status(200).json({ status: "ignored", event: name });
    return;
  }
  const result = mapDiscourseEvent(name, body, { baseUrl: options.baseUrl, ignoreStaff: options.ignoreStaff, deliveryId });
  if (result.ok === false) {
    res.status(400).json({ error: `unexpected ${name} payload`, reason: result.reason });
    return;
  }
  if (result.ok === "skip") {
    res.status(200).json({ status: "ignored", reason: result.reason });
    return;
  }
  const status = await acceptCommunityEvent(options.store, {
    community: options.community,
    deliveryId,
    businessKey: result.mapped.businessKey,
    name,
    payload: body,
    event: result.mapped.event,
  });
  options.logger.info({ event: name, deliveryId, status }, "discourse webhook");
  res.status(200).json({ status });
}
