import { convert } from "html-to-text";

/** Community HTML (Discourse "cooked") to plain text: tags stripped, entities decoded, emoji as their alt text. */
export function htmlToPlainText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "inlineImageAlt" },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "aside.quote", format: "skip" },
    ],
    formatters: {
      inlineImageAlt(elem, _walk, builder) {
        const alt = (elem as { attribs?: Record<string, string> }).attribs?.alt;
        if (alt) builder.addInline(alt);
      },
    },
  }).trim();
}

/** Cuts text at a word boundary so that it fits `max` characters, ending with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  // A hard cut leaves room for the ellipsis (a word cut already does: it drops at least the space).
  const atWord = lastSpace > max * 0.5 ? cut.slice(0, lastSpace) : cut.slice(0, Math.max(0, max - 1));
  return `${atWord.replace(/[\s,.;:!?-]+$/, "")}…`;
}
