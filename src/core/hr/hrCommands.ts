// HR's verbs: `report …` for those who may see reports, `hr grant|revoke` for admins.
import type { Verbs } from "../commands/commandVerbs";
import { hrCommand } from "./hrGrants";
import { reportCommand } from "./reportCommand";

export const hrCommands = { report: reportCommand, hr: hrCommand } satisfies Verbs;
