// The dependency rule, checked in CI (npm run deps:check): the core imports nothing outside itself, the adapters
// (Slack, Teams, Discourse, OpenAI, the database) never import each other, nothing in src imports tests or tools,
// and there are no import circles anywhere, type-only imports included.
const adapters = ["chat", "community", "ai", "db"];
const others = (own) => `^src/(${adapters.filter((name) => name !== own).join("|")}|outbox|jobs|ops|http)/`;

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "An import circle ties its files into one.", from: {}, to: { circular: true } },
    {
      name: "kernel-imports-nothing",
      severity: "error",
      comment: "The kernel (model, events, errors) is what everything else speaks; it depends on nothing of ours.",
      from: { path: "^src/core/kernel/" },
      to: { path: "^src/(?!core/kernel/)" },
    },
    {
      name: "ports-know-only-the-kernel",
      severity: "error",
      comment: "A port says what the core needs from outside in the kernel's words, never a feature's.",
      from: { path: "^src/core/ports/" },
      to: { path: "^src/(?!core/(kernel|ports)/)" },
    },
    {
      name: "features-meet-through-their-faces",
      severity: "error",
      comment:
        "A feature uses the kernel, the ports, the core's context (deps.ts, jobHandlers.ts, commandVerbs.ts) and other features' index.ts only, never their insides.",
      from: { path: "^src/core/(?!kernel/|ports/|outbox/|commands/)([^/]+)/" },
      to: {
        path: "^src/core/[^/]+/",
        pathNot: [
          "^src/core/$1/",
          "^src/core/(kernel|ports)/",
          "^src/core/[^/]+/index\\.ts$",
          "^src/core/outbox/jobHandlers\\.ts$",
          "^src/core/commands/commandVerbs\\.ts$",
        ],
      },
    },
    {
      name: "repository-ports-stand-alone",
      severity: "error",
      comment:
        "A feature's repository port is read by the core's store (store.ts), so it names only the kernel, the ports and its own feature's other repository ports.",
      from: { path: "^src/core/([^/]+)/[^/]+Repo\\.ts$" },
      to: { path: "^src/", pathNot: ["^src/core/(kernel|ports)/", "^src/core/$1/[^/]+Repo\\.ts$"] },
    },
    {
      name: "job-schemas-stand-alone",
      severity: "error",
      comment: "A feature's job schemas are read by the outbox's registry, so they name only the kernel and the ports.",
      from: { path: "^src/core/[^/]+/[^/]+Jobs\\.ts$" },
      to: { path: "^src/", pathNot: "^src/core/(kernel|ports)/" },
    },
    {
      name: "adapters-use-faces",
      severity: "error",
      comment: "Outside the core, a feature is its index.ts; the registries (outbox, commands) are the core's other doors.",
      from: { path: "^src/(?!core/)" },
      to: {
        path: "^src/core/[^/]+/",
        pathNot: [
          "^src/core/(kernel|ports)/",
          "^src/core/[^/]+/index\\.ts$",
          "^src/core/outbox/(messages|handleMessage)\\.ts$",
          "^src/core/commands/runCommand\\.ts$",
        ],
      },
    },
    {
      name: "core-is-inner",
      severity: "error",
      comment: "The core knows no adapter, runtime or composition root: they depend on it, not the other way round.",
      from: { path: "^src/core/" },
      to: { path: "^src/(?!core/)" },
    },
    ...adapters.map((own) => ({
      name: `${own}-adapter-stands-apart`,
      severity: "error",
      comment: "An adapter talks to the core's ports, never to another adapter.",
      from: { path: `^src/${own}/` },
      to: { path: others(own) },
    })),
    {
      name: "slack-and-teams-apart",
      severity: "error",
      comment: "What both surfaces share lives in chat/shared.",
      from: { path: "^src/chat/(slack|teams)/" },
      to: { path: "^src/chat/(slack|teams)/", pathNot: "^src/chat/$1/" },
    },
    { name: "shared-chat-is-neutral", severity: "error", from: { path: "^src/chat/shared/" }, to: { path: "^src/chat/(slack|teams)/" } },
    {
      name: "console-adapter-stands-apart",
      severity: "error",
      comment:
        "The web console is an adapter like Slack's: it uses the core's faces and ports and the words Slack and Teams share (src/chat/shared), never the database, another adapter or the runtime.",
      from: { path: "^src/console/" },
      to: { path: "^src/(db|community|ai|outbox|jobs|ops|http|chat/(?!shared/))" },
    },
    {
      name: "nothing-imports-the-console",
      severity: "error",
      comment: "Only the composition root mounts the console.",
      from: { path: "^src/", pathNot: ["^src/console/", "^src/app\\.ts$", "^src/config\\.ts$"] },
      to: { path: "^src/console/" },
    },
    { name: "src-needs-no-tools", severity: "error", from: { path: "^src/" }, to: { path: "^(test|bench|demo|scripts)/" } },
    { name: "not-to-unresolvable", severity: "error", from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
