// Every POST carries the session's CSRF token (a hidden field, or the X-CSRF-Token header for scripts): a form
// another site makes the browser send does not know it, whatever cookies ride along.
import { timingSafeEqual } from "node:crypto";

export function csrfMatches(expected: string, given: unknown): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
