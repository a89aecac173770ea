// Routing rules (admins): the list as chat's `route list` names it, a rule added or edited in two steps (Preview, the
// core's previewRule over the latest topics; then Save, addRule or editRule), and removing one. Words the rule reader
// turns down get chat's own message and nothing is saved.
import { z } from "zod";
import { addRule, describeRule, editRule, listRules, previewRule, removeRule, ruleWords, type RuleInput } from "../../core/routing";
import { channelToken } from "../../core/kernel/references";
import { channelNames } from "../../chat/shared/channelNames";
import { commandPrefixOf, messageResponse, pageResponse } from "../pageFrame";
import { fromMarkup, html } from "../presenters/html";
import { htmlMarkup } from "../presenters/htmlMarkup";
import { ruleFormView, type RuleFormModel } from "../presenters/ruleFormView";
import { routingRulesView } from "../presenters/routingRulesView";
import { CONSOLE_PATH, signedInRoute, type ConsoleRequest, type ConsoleResponse, type SignedIn } from "../route";

const ROUTING = `${CONSOLE_PATH}/routing`;
const PREVIEW = `${ROUTING}/preview`;
const SAVE = `${ROUTING}/save`;

/** A channel id as Slack (C0123ABC) and Teams (19:…@thread.tacv2) write them. */
const channelId = z
  .string()
  .trim()
  .max(200)
  .regex(/^[\w:@.-]*$/);
const ruleForm = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .optional(),
  words: z.string().trim().min(1).max(1000),
  surface: z.enum(["slack", "teams"]),
  channel: channelId.default(""),
  home: channelId.default(""),
});
type RuleForm = z.infer<typeof ruleForm>;

const surfacesOf = (request: ConsoleRequest) => Object.keys(request.services.deps.chat).sort();

/** The form as the core reads a rule: the words, with the channel given as its token; `escalate:here` is the channel. */
function ruleInput(form: RuleForm): RuleInput {
  const spec = form.channel ? `${form.words} ${channelToken(form.channel)}` : form.words;
  return { spec, surface: form.surface, channelId: form.channel || form.home };
}

function formPage(request: ConsoleRequest<SignedIn>, form: RuleForm, extra: Pick<RuleFormModel, "preview" | "problem">, status = 200): ConsoleResponse {
  const { t } = request;
  const body = ruleFormView(t, {
    id: form.id ?? null,
    words: form.words,
    surface: form.surface,
    channel: form.channel,
    home: form.home,
    surfaces: surfacesOf(request),
    csrfToken: request.session.csrfToken,
    previewAction: PREVIEW,
    saveAction: SAVE,
    ...extra,
  });
  const title = form.id === undefined ? t("console.routing.addTitle") : t("console.routing.editTitle", { id: form.id });
  return pageResponse(
    request,
    title,
    html`${body}
      <p><a href="${ROUTING}">${t("console.routing.back")}</a></p>`,
    status,
  );
}

/** The posted form, or why not: a surface Advocate does not run, or a new rule without its channel. */
function readForm(request: ConsoleRequest<SignedIn>): { ok: true; form: RuleForm } | { ok: false; response: ConsoleResponse } {
  const parsed = ruleForm.safeParse(request.form);
  if (!parsed.success || !surfacesOf(request).includes(parsed.data.surface)) {
    return {
      ok: false,
      response: messageResponse(request, 400, request.t("console.error.badForm"), { href: ROUTING, label: request.t("console.routing.back") }),
    };
  }
  const form = parsed.data;
  if (form.id === undefined && !form.channel)
    return { ok: false, response: formPage(request, form, { preview: null, problem: request.t("console.routing.channelNeeded") }, 400) };
  return { ok: true, form };
}

const badRule = (request: ConsoleRequest<SignedIn>, form: RuleForm, detail: string) =>
  formPage(request, form, { preview: null, problem: request.t("errors.bad_rule", { detail, cmd: commandPrefixOf(request) }) }, 400);

const refused = (request: ConsoleRequest) => messageResponse(request, 403, request.t("console.forbidden.body"));

function savedNotice(request: ConsoleRequest): string | null {
  const { saved, removed } = request.query;
  if (saved && /^\d+$/.test(saved)) return request.t("console.routing.saved", { id: saved });
  if (removed && /^\d+$/.test(removed)) return request.t("rules.removed", { id: removed });
  return null;
}

export const routingRulesPage = signedInRoute({
  method: "GET",
  path: "/routing",
  access: "admin",
  nav: "console.nav.routing",
  async handle(request) {
    const { deps } = request.services;
    const { t, session } = request;
    const listed = await listRules(deps, session.principal);
    if (!listed.ok) return refused(request);
    const targets = [...listed.rules.flatMap((rule) => rule.targets), ...(listed.fallback ? [listed.fallback] : [])];
    const markup = htmlMarkup(commandPrefixOf(request), await channelNames(deps.store.addresses, targets));
    const other = (surface: string) => t("rules.otherSurface", { surface });
    const channels = (of: typeof targets) => fromMarkup(of.map((target) => markup.channel(target, other)).join(", "));
    const surfaces = surfacesOf(request);
    const body = routingRulesView(t, {
      rules: listed.rules.map((rule) => ({
        id: rule.id,
        words: describeRule(rule),
        channels: channels(rule.targets),
        priority: rule.priority,
        editHref: `${ROUTING}/${rule.id}`,
        removeAction: `${ROUTING}/${rule.id}/remove`,
      })),
      fallback: listed.fallback
        ? fromMarkup(t("rules.fallback", { channel: channels([listed.fallback]) }))
        : html`${t("rules.noFallback", { cmd: markup.cmd })}`,
      notice: savedNotice(request),
      csrfToken: session.csrfToken,
      addForm: ruleFormView(t, {
        id: null,
        words: "",
        surface: surfaces[0] ?? "slack",
        channel: "",
        home: "",
        surfaces,
        csrfToken: session.csrfToken,
        previewAction: PREVIEW,
        saveAction: SAVE,
        preview: null,
        problem: null,
      }),
    });
    return pageResponse(request, t("console.routing.title"), body);
  },
});

export const editRulePage = signedInRoute({
  method: "GET",
  path: "/routing/:id",
  access: "admin",
  async handle(request) {
    const listed = await listRules(request.services.deps, request.session.principal);
    if (!listed.ok) return refused(request);
    const rule = listed.rules.find((candidate) => String(candidate.id) === request.params.id);
    if (!rule)
      return messageResponse(request, 404, request.t("rules.notFound", { id: request.params.id ?? "" }), {
        href: ROUTING,
        label: request.t("console.routing.back"),
      });
    const [first] = rule.targets;
    const form = {
      id: rule.id,
      words: ruleWords(rule),
      surface: (first?.surface ?? "slack") as RuleForm["surface"],
      channel: "",
      home: first?.channelId ?? "",
    };
    return formPage(request, form, { preview: null, problem: null });
  },
});

export const previewRuleForm = signedInRoute({
  method: "POST",
  path: "/routing/preview",
  access: "admin",
  async handle(request) {
    const read = readForm(request);
    if (!read.ok) return read.response;
    const preview = await previewRule(request.services.deps, request.session.principal, ruleInput(read.form));
    if (!preview.ok) return preview.problem === "bad_rule" ? badRule(request, read.form, preview.detail) : refused(request);
    return formPage(request, read.form, { preview, problem: null });
  },
});

export const saveRuleForm = signedInRoute({
  method: "POST",
  path: "/routing/save",
  access: "admin",
  async handle(request) {
    const read = readForm(request);
    if (!read.ok) return read.response;
    const { form } = read;
    const { deps } = request.services;
    const who = request.session.principal;
    const saved = form.id === undefined ? await addRule(deps, who, ruleInput(form)) : await editRule(deps, who, form.id, ruleInput(form));
    if (saved.ok) return { kind: "redirect", to: `${ROUTING}?saved=${saved.rule.id}` };
    switch (saved.problem) {
      case "bad_rule":
        return badRule(request, form, saved.detail);
      case "no_such_rule":
        return messageResponse(request, 404, request.t("rules.notFound", { id: form.id ?? "" }), { href: ROUTING, label: request.t("console.routing.back") });
      default:
        return refused(request);
    }
  },
});

export const removeRuleForm = signedInRoute({
  method: "POST",
  path: "/routing/:id/remove",
  access: "admin",
  async handle(request) {
    const id = Number(request.params.id);
    if (!Number.isInteger(id) || id <= 0)
      return messageResponse(request, 400, request.t("errors.bad_rule_id", { detail: request.params.id ?? "", cmd: commandPrefixOf(request) }));
    const removed = await removeRule(request.services.deps, request.session.principal, id);
    if (!removed.ok) return refused(request);
    if (!removed.removed)
      return messageResponse(request, 404, request.t("rules.notFound", { id }), { href: ROUTING, label: request.t("console.routing.back") });
    return { kind: "redirect", to: `${ROUTING}?removed=${id}` };
  },
});
