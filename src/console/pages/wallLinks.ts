// Admins' office screen links: the list, a form to make one (its full address shown once, on the answer to that
// POST, and never again: only its hash is kept) and a revoke button per link. The core's use cases check the policy
// and audit each change; the guard has already refused anyone but admins.
import { z } from "zod";
import { createWallLink, listWallLinks, revokeWallLink } from "../../core/wall";
import { pageResponse } from "../pageFrame";
import { messageView } from "../presenters/messageView";
import { wallLinksView } from "../presenters/wallLinksView";
import { CONSOLE_PATH, signedInRoute, type ConsoleRequest, type ConsoleResponse, type SignedIn } from "../route";

const WALL_LINKS = `${CONSOLE_PATH}/wall-links`;
const labelForm = z.object({ label: z.string().trim().min(1).max(80) });
const linkId = z.coerce.number().int().positive();

const message = (request: ConsoleRequest, status: number, title: string, text: string) =>
  pageResponse(request, request.t(title), messageView(request.t(text)), status);
const badForm = (request: ConsoleRequest) => message(request, 400, "console.error.title", "console.error.badForm");
/** The policy said no after all (the guard lets only admins in, so this is a role changed a moment ago). */
const forbidden = (request: ConsoleRequest) => message(request, 403, "console.forbidden.title", "console.forbidden.body");

async function listPage(request: ConsoleRequest<SignedIn>, made: { url: string; label: string } | null): Promise<ConsoleResponse> {
  const { t, locale, session } = request;
  const { deps } = request.services;
  const listed = await listWallLinks(deps, session.principal);
  if (!listed.ok) return forbidden(request);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: deps.settings.timezone });
  const body = wallLinksView(t, {
    links: listed.links,
    made,
    csrfToken: session.csrfToken,
    action: WALL_LINKS,
    revokeAction: (id) => `${WALL_LINKS}/${id}/revoke`,
    formatDate: (at) => dates.format(at),
  });
  return pageResponse(request, t("console.wallLinks.title"), body);
}

export const wallLinksPage = signedInRoute({
  method: "GET",
  path: "/wall-links",
  access: "admin",
  nav: "console.nav.wallLinks",
  handle: (request) => listPage(request, null),
});

export const wallLinkCreate = signedInRoute({
  method: "POST",
  path: "/wall-links",
  access: "admin",
  async handle(request) {
    const form = labelForm.safeParse(request.form);
    if (!form.success) return badForm(request);
    const made = await createWallLink(request.services.deps, request.session.principal, form.data.label);
    if (!made.ok) return made.problem === "bad_label" ? badForm(request) : forbidden(request);
    // The only time the token is seen: this answer (not cached: the guard says no-store), not a redirect to a GET.
    const url = `${request.services.config.ADVOCATE_CONSOLE_URL}/wall/${made.token}`;
    return listPage(request, { url, label: made.link.label });
  },
});

export const wallLinkRevoke = signedInRoute({
  method: "POST",
  path: "/wall-links/:id/revoke",
  access: "admin",
  async handle(request) {
    const id = linkId.safeParse(request.params.id);
    if (!id.success) return badForm(request);
    const revoked = await revokeWallLink(request.services.deps, request.session.principal, id.data);
    if (!revoked.ok) return forbidden(request);
    return { kind: "redirect", to: WALL_LINKS };
  },
});
