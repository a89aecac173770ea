// The audit log (admins): report views, admin actions, privacy actions and payments, newest first, 50 a page; reading
// it is itself audited (the core's auditLog).
import { auditLog } from "../../core/policy";
import { messageResponse, pageResponse, whenFormat } from "../pageFrame";
import { auditLogView } from "../presenters/auditLogView";
import { CONSOLE_PATH, signedInRoute } from "../route";

const AUDIT = `${CONSOLE_PATH}/audit`;

export const auditLogPage = signedInRoute({
  method: "GET",
  path: "/audit",
  access: "admin",
  nav: "console.nav.audit",
  async handle(request) {
    const asked = /^\d{1,4}$/.test(request.query.page ?? "") ? Number(request.query.page) : 1;
    const log = await auditLog(request.services.deps, request.session.principal, asked);
    if (!log.ok) return messageResponse(request, 403, request.t("console.forbidden.body"));
    const body = auditLogView(request.t, {
      entries: log.entries,
      newerHref: log.page > 1 ? `${AUDIT}?page=${log.page - 1}` : null,
      olderHref: log.more ? `${AUDIT}?page=${log.page + 1}` : null,
      formatDate: whenFormat(request),
    });
    return pageResponse(request, request.t("console.audit.title"), body);
  },
});
