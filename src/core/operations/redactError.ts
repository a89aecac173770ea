// An outbox item's last error, fit to show on a page: errors are a peer's words (Slack, the Bot Connector,
// Discourse, OpenAI) or our own, and they may carry a credential a peer echoed back or a URL with one in it. Known
// token shapes and credential-looking parameters are masked, and the text is cut short.

const MAX_LENGTH = 300;
export const REDACTED = "[redacted]";

const TOKENS: RegExp[] = [
  // Slack bot, user, app and refresh tokens
  /\bx(?:ox[abposre]|app)-[A-Za-z0-9-]{6,}/g,
  // OpenAI keys (also as OpenAI echoes them, partly starred)
  /\bsk-[A-Za-z0-9_*-]{6,}/g,
  // JWTs: Bot Framework and Entra tokens
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
];
/** `Authorization: Bearer …` */
const AUTH_SCHEME = /\b(bearer|basic)(\s+)([A-Za-z0-9._~+/=-]{8,})/gi;
/** `Api-Key: …`, `?token=…`, `"password": …` */
const PARAMETER = /\b(api[-_]?key|access[-_]?token|refresh[-_]?token|client[-_]?secret|token|secret|password|signature|sig)("?\s*[:=]\s*"?)([^\s&"',;]+)/gi;

const mask = (match: string, name: string, separator: string, value: string) => (value === REDACTED ? match : `${name}${separator}${REDACTED}`);

export function redactError(text: string | null): string | null {
  if (text === null) return null;
  const masked = TOKENS.reduce((result, pattern) => result.replace(pattern, REDACTED), text)
    .replace(AUTH_SCHEME, mask)
    .replace(PARAMETER, mask);
  return masked.length > MAX_LENGTH ? `${masked.slice(0, MAX_LENGTH - 1)}…` : masked;
}
