// What a console route is: a method and path under /console, who may use it, and a handler that turns the request
// into a response description. The table of every route is routes.ts; the guard (consoleApp.ts) applies `access`.
import type { TFunction } from "i18next";
import type { Logger } from "pino";
import type { CoreDeps } from "../core/deps";
import type { ConsoleSession } from "../core/consoleSessions";
import type { PageRule, Principal, Role } from "../core/policy";
import type { ReadinessProbe } from "../core/ports";
import type { SupportedLocale } from "../i18n";
import type { ConsoleConfig } from "./config";
import type { SignInProviders } from "./auth/providers";
import type { TeamsTabSignIn } from "./auth/teamsToken";
import type { Html } from "./presenters/html";
import type { NavItem } from "./presenters/layout";

/** Where the composition root mounts the console; links and cookies name it. */
export const CONSOLE_PATH = "/console";

export interface ConsoleServices {
  deps: CoreDeps;
  config: ConsoleConfig;
  providers: SignInProviders;
  /** The probe /readyz answers with, for the operations page. */
  readiness: ReadinessProbe;
  /** The Teams tab's single sign-on, when the Teams app's id and tenant are configured. */
  teamsTab: TeamsTabSignIn | null;
  logger: Logger;
}

/** The signed-in person, as the guard found them. */
export interface SignedIn extends ConsoleSession {
  principal: Principal & { surface: string };
  role: Role;
  /** The cookie's token, to end the session with. */
  token: string;
}

export interface ConsoleRequest<Session extends SignedIn | null = SignedIn | null> {
  services: ConsoleServices;
  session: Session;
  locale: SupportedLocale;
  t: TFunction;
  /** The pages this person may open, for the navigation. */
  nav: NavItem[];
  /** The path asked for, under /console, with its query: where a language switch returns to. */
  path: string;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  /** The posted form's fields (POST only). */
  form: Record<string, string | undefined>;
  /** The POST's body was JSON: sent by the console's own script, since another site cannot send it without CORS. */
  sentJson: boolean;
  cookies: Record<string, string>;
}

export interface SetCookie {
  name: string;
  value: string;
  /** Seconds it is kept; 0 deletes it. */
  maxAge: number;
  /** Sent to the console inside another site's frame (Teams): SameSite=None and Partitioned (see COOKIES.teamsSession). */
  framed?: boolean;
}

export type ConsoleResponse = { cookies?: SetCookie[] } & (
  | {
      kind: "page";
      status?: number;
      body: Html;
      /** The page loads the console's own scripts (and they may call the console): the Teams tab's sign-in. */
      scripts?: boolean;
    }
  | { kind: "redirect"; to: string }
  | { kind: "download"; filename: string; type: string; content: string }
  | { kind: "json"; status?: number; body: unknown }
);

interface RouteBase {
  method: "GET" | "POST";
  /** An express path under /console, e.g. "/leaderboard" or "/auth/:provider/callback". */
  path: string;
  /** GET pages in the navigation: the locale key of their link. */
  nav?: string;
  /** Teams may show it in its tab's frame without a Teams session yet: the tab's sign-in. */
  teamsFrame?: boolean;
}

/**
 * Reachable without a session: sign-in, its callbacks, the Teams tab's sign-in, the language switch, and the office
 * screen, whose link carries its own secret token.
 */
export interface PublicRoute extends RouteBase {
  access: "public";
  handle(request: ConsoleRequest): Promise<ConsoleResponse>;
}

/** Only with a session whose person meets the rule; every POST also carries the session's CSRF token. */
export interface SignedInRoute extends RouteBase {
  access: PageRule;
  handle(request: ConsoleRequest<SignedIn>): Promise<ConsoleResponse>;
}

export type ConsoleRoute = PublicRoute | SignedInRoute;

/** Typed helpers, so a page file states its routes without restating the types. */
export const publicRoute = (route: PublicRoute): PublicRoute => route;
export const signedInRoute = (route: SignedInRoute): SignedInRoute => route;
