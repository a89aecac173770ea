// Every route of the console, in one table: the guard (consoleApp.ts) mounts each with its access rule, the
// navigation lists the GET pages with a `nav` label, and test/console/guard.test.ts walks it so that no route can
// forget the session check. A new page is a file in pages/ and its entries here.
import type { ConsoleRoute } from "./route";
import { donationsPage, markPaid } from "./pages/donations";
import { home } from "./pages/home";
import { languageSwitch } from "./pages/language";
import { leaderboardPage } from "./pages/leaderboard";
import { mePage, myDataDownload, privacyChoice } from "./pages/me";
import { reportCsvDownload, reportPage } from "./pages/report";
import { signInCallback, signInPage, signInStart } from "./pages/signIn";
import { signOut } from "./pages/signOut";
import { editRulePage, previewRuleForm, removeRuleForm, routingRulesPage, saveRuleForm } from "./pages/routingRules";
import { pointRulesPage, setPointRuleForm } from "./pages/pointRules";
import { removeStoryScheduleForm, storySchedulesPage } from "./pages/storySchedules";
import { auditLogPage } from "./pages/auditLog";
import { operationsPage, retryOutboxItemForm } from "./pages/operations";
import { teamsTabPage, teamsTabSession } from "./pages/teamsTab";
import { wallByPath, wallByQuery } from "./pages/wall";
import { wallLinkCreate, wallLinkRevoke, wallLinksPage } from "./pages/wallLinks";

export const CONSOLE_ROUTES: readonly ConsoleRoute[] = [
  signInPage,
  signInStart,
  signInCallback,
  teamsTabPage,
  teamsTabSession,
  languageSwitch,
  wallByPath,
  wallByQuery,
  signOut,
  home,
  leaderboardPage,
  mePage,
  privacyChoice,
  myDataDownload,
  routingRulesPage,
  editRulePage,
  previewRuleForm,
  saveRuleForm,
  removeRuleForm,
  pointRulesPage,
  setPointRuleForm,
  storySchedulesPage,
  removeStoryScheduleForm,
  auditLogPage,
  operationsPage,
  retryOutboxItemForm,
  reportPage,
  reportCsvDownload,
  donationsPage,
  markPaid,
  wallLinksPage,
  wallLinkCreate,
  wallLinkRevoke,
];
