// What each person may ask about the data Advocate holds on them: `my data` and `forget me` (an admin: `forget @person`).
import type { Verbs } from "../commands/commandVerbs";
import { myDataCommand } from "./myData";
import { forgetCommand } from "./forget";

export const personalDataCommands = { my: myDataCommand, forget: forgetCommand } satisfies Verbs;
