// The console's own address opens the leaderboard: the one page everyone may see.
import { CONSOLE_PATH, signedInRoute } from "../route";

export const home = signedInRoute({
  method: "GET",
  path: "/",
  access: "anyone",
  handle: async () => ({ kind: "redirect", to: `${CONSOLE_PATH}/leaderboard` }),
});
