// A page that only says something: a refusal, an error, a sign-in that did not work; optionally a link onwards.
import { html, type Html } from "./html";

export function messageView(text: string, next?: { href: string; label: string }): Html {
  return html`<p class="message">${text}</p>
    ${next && html`<p><a class="button" href="${next.href}">${next.label}</a></p>`}`;
}
