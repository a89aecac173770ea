// Point rules (admins): every rule with its value, and changing one through the same use case as chat's
// `points set` (setPointRule: checked and audited); a value it cannot read gets chat's message, nothing saved.
import { z } from "zod";
import { POINT_RULE_NAMES, pointRules, setPointRule } from "../../core/points";
import { commandPrefixOf, messageResponse, pageResponse } from "../pageFrame";
import { pointRulesView } from "../presenters/pointRulesView";
import { CONSOLE_PATH, signedInRoute } from "../route";

const POINT_RULES = `${CONSOLE_PATH}/point-rules`;
const ruleForm = z.object({ rule: z.string().max(40), value: z.string().trim().max(20) });

export const pointRulesPage = signedInRoute({
  method: "GET",
  path: "/point-rules",
  access: "admin",
  nav: "console.nav.pointRules",
  async handle(request) {
    const rules = await pointRules(request.services.deps.store);
    const saved = request.query.saved;
    const notice =
      saved && (POINT_RULE_NAMES as string[]).includes(saved) ? request.t("pointRules.set", { rule: saved, value: rules[saved as keyof typeof rules] }) : null;
    const body = pointRulesView(request.t, {
      rules: POINT_RULE_NAMES.map((name) => ({ name, value: rules[name] })),
      csrfToken: request.session.csrfToken,
      action: POINT_RULES,
      notice,
    });
    return pageResponse(request, request.t("pointRules.title"), body);
  },
});

export const setPointRuleForm = signedInRoute({
  method: "POST",
  path: "/point-rules",
  access: "admin",
  async handle(request) {
    const { t } = request;
    const back = { href: POINT_RULES, label: t("console.back") };
    const form = ruleForm.safeParse(request.form);
    if (!form.success) return messageResponse(request, 400, t("console.error.badForm"), back);
    const set = await setPointRule(request.services.deps, request.session.principal, form.data.rule, form.data.value);
    if (set.ok) return { kind: "redirect", to: `${POINT_RULES}?saved=${set.rule}` };
    if (set.problem === "not_allowed") return messageResponse(request, 403, t("console.forbidden.body"));
    return messageResponse(request, 400, t(`errors.${set.problem}`, { detail: set.detail, cmd: commandPrefixOf(request) }), back);
  },
});
