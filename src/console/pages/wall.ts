// The office screen: a TV opens /console/wall/<token> (or /console/wall?token=…) without signing in; the link's
// token is its key, made and revoked by an admin (wallLinks.ts). It shows wallFor's three parts and refreshes
// itself; an unknown or revoked token shows a plain "not found" and nothing else.
import { wallFor } from "../../core/wall";
import { formatCents } from "../../chat/shared/money";
import { timeAgo } from "../../i18n";
import { pageResponse } from "../pageFrame";
import { messageView } from "../presenters/messageView";
import { wallView } from "../presenters/wallView";
import { CONSOLE_PATH, publicRoute, type ConsoleRequest, type ConsoleResponse } from "../route";

async function wallPage(request: ConsoleRequest, token: string): Promise<ConsoleResponse> {
  const { t, locale } = request;
  const { deps } = request.services;
  const wall = await wallFor(deps, token);
  if (!wall.ok) return pageResponse({ ...request, nav: [], session: null }, t("console.wall.notFoundTitle"), messageView(t("console.wall.notFound")), 404);
  const body = wallView(t, {
    locale,
    base: CONSOLE_PATH,
    wall,
    money: (cents) => formatCents(cents, locale),
    ago: (at) => timeAgo(at, deps.clock.now(), locale),
  });
  return { kind: "page", body };
}

export const wallByPath = publicRoute({
  method: "GET",
  path: "/wall/:token",
  access: "public",
  handle: (request) => wallPage(request, request.params.token ?? ""),
});

export const wallByQuery = publicRoute({
  method: "GET",
  path: "/wall",
  access: "public",
  handle: (request) => wallPage(request, request.query.token ?? ""),
});
