// Operations (admins): the core's operationsView with the same readiness probe /readyz uses, and Retry for a
// given-up outbox item (retryOutboxItem: checked, audited, the worker woken).
import { operationsView, retryOutboxItem } from "../../core/operations";
import { messageResponse, pageResponse, whenFormat } from "../pageFrame";
import { operationsPageView } from "../presenters/operationsPageView";
import { CONSOLE_PATH, signedInRoute } from "../route";

const OPERATIONS = `${CONSOLE_PATH}/operations`;

export const operationsPage = signedInRoute({
  method: "GET",
  path: "/operations",
  access: "admin",
  nav: "console.nav.operations",
  async handle(request) {
    const { deps, readiness } = request.services;
    const { t } = request;
    const view = await operationsView(deps, request.session.principal, readiness);
    if (!view.ok) return messageResponse(request, 403, t("console.forbidden.body"));
    const retried = request.query.retried;
    const body = operationsPageView(t, {
      view,
      csrfToken: request.session.csrfToken,
      retryAction: (id) => `${OPERATIONS}/outbox/${id}/retry`,
      formatDate: whenFormat(request),
      notice: retried && /^\d+$/.test(retried) ? t("console.operations.retried", { id: retried }) : null,
    });
    return pageResponse(request, t("console.operations.title"), body);
  },
});

export const retryOutboxItemForm = signedInRoute({
  method: "POST",
  path: "/operations/outbox/:id/retry",
  access: "admin",
  async handle(request) {
    const { t } = request;
    const id = request.params.id ?? "";
    const back = { href: OPERATIONS, label: t("console.back") };
    const retried = await retryOutboxItem(request.services.deps, request.session.principal, id);
    if (retried.ok) return { kind: "redirect", to: `${OPERATIONS}?retried=${retried.item.id}` };
    switch (retried.problem) {
      case "not_found":
        return messageResponse(request, 404, t("console.operations.notFound", { id }), back);
      case "not_given_up":
        return messageResponse(request, 409, t("console.operations.notGivenUp", { id, state: t(`console.operations.states.${retried.state}`) }), back);
      default:
        return messageResponse(request, 403, t("console.forbidden.body"));
    }
  },
});
