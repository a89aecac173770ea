// The answer to a file consent card: on "accept" Teams gives an upload URL in the person's OneDrive, we put the
// offered bytes there and show the file; on "decline" the offer is dropped. Only the person it was offered to can
// take it. The upload (small: a CSV, a chart) happens in the turn, so the person learns at once if it failed.
import { z } from "zod";
import { localeOf } from "../../../core/accounts";
import { translator } from "../../../i18n";
import { fileInfoCard } from "../presenters/fileCard";
import { teamsMarkup } from "../presenters/teamsMarkup";
import { invokeResponse } from "./invokeResponse";
import { teamsEmployee, type TeamsRouteContext, type Turn } from "./context";

const UPLOAD_TIMEOUT_MS = 10_000;

const consent = z.object({
  type: z.literal("fileUpload"),
  action: z.enum(["accept", "decline"]),
  context: z.object({ offerId: z.string().uuid() }),
  uploadInfo: z
    .object({
      name: z.string().min(1),
      uploadUrl: z.string().url().startsWith("https://"),
      contentUrl: z.string().url(),
      uniqueId: z.string().min(1),
      fileType: z.string(),
    })
    .optional(),
});

export async function onFileConsent(ctx: TeamsRouteContext, { context, activity, remember }: Turn): Promise<void> {
  const parsed = consent.safeParse(activity.value);
  if (!parsed.success || (parsed.data.action === "accept" && !parsed.data.uploadInfo)) {
    await invokeResponse(context, { error: "not a file consent answer Advocate understands" }, 400);
    return;
  }
  await remember();
  const t = translator(localeOf(ctx.deps, await teamsEmployee(ctx.deps, activity)), teamsMarkup.cmd);
  const { fileOffers } = ctx.deps.store;
  const offer = await fileOffers.byId(parsed.data.context.offerId);
  // Someone else's offer is treated as gone: nothing tells them it exists.
  if (!offer || offer.userId !== activity.from.id || offer.deliveredAt) {
    await context.sendActivity(t("report.fileGone"));
    await invokeResponse(context, {});
    return;
  }
  const { uploadInfo } = parsed.data;
  if (parsed.data.action === "decline" || !uploadInfo) {
    await fileOffers.remove(offer.id);
    await context.sendActivity(t("report.fileDeclined", { filename: offer.filename }));
    await invokeResponse(context, {});
    return;
  }
  const size = offer.content.length;
  const upload = await fetch(uploadInfo.uploadUrl, {
    method: "PUT",
    headers: { "Content-Length": String(size), "Content-Range": `bytes 0-${size - 1}/${size}` },
    body: new Uint8Array(offer.content),
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  }).catch((error: unknown) => ({ ok: false, status: 0, statusText: error instanceof Error ? error.name : "network error" }));
  if (!upload.ok) {
    ctx.logger.warn({ offer: offer.id, status: upload.status }, "file upload to OneDrive failed");
    await context.sendActivity(t("report.fileFailed", { filename: offer.filename, reason: upload.status ? `HTTP ${upload.status}` : upload.statusText }));
    await invokeResponse(context, {});
    return;
  }
  await fileOffers.delivered(offer.id, ctx.deps.clock.now());
  await context.sendActivity({ type: "message", attachments: [fileInfoCard(uploadInfo)] });
  await invokeResponse(context, {});
}
