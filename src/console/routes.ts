// Every route of the console, in one table: the guard (consoleApp.ts) mounts each with its access rule, the
// navigation lists the GET pages with a `nav` label, and test/console/guard.test.ts walks it so that no route can
// forget the session check. A new page is a file in pages/ and its entries here.
import type { ConsoleRoute } from "./route";
import { home } from "./pages/home";
import { languageSwitch } from "./pages/language";
import { leaderboardPage } from "./pages/leaderboard";
import { mePage, myDataDownload, privacyChoice } from "./pages/me";
import { signInCallback, signInPage, signInStart } from "./pages/signIn";
import { signOut } from "./pages/signOut";

export const CONSOLE_ROUTES: readonly ConsoleRoute[] = [
  signInPage,
  signInStart,
  signInCallback,
  languageSwitch,
  signOut,
  home,
  leaderboardPage,
  mePage,
  privacyChoice,
  myDataDownload,
];
