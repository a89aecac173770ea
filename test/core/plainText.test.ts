// Discourse "cooked" HTML to plain text, and excerpts cut at a word boundary.
import { excerpt, htmlToPlainText } from "../../src/core/kernel/plainText";
import { fixture } from "../support/fixtures";

describe("htmlToPlainText", () => {
  test("strips tags from the fixture post and keeps its paragraphs", () => {
    const { post } = fixture<{ post: { cooked: string } }>("discourse/post_created_first_post.json");
    const text = htmlToPlainText(post.cooked);
    expect(text).not.toMatch(/<[a-z/]/i);
    expect(text.startsWith("Hallo allemaal,")).toBe(true);
    expect(text.endsWith("Alvast bedankt!")).toBe(true);
    expect(text).toContain("Klopt dit, of krijg ik de maandtermijn nog terug?");
    expect(text.split(/\n\s*\n/)).toHaveLength(4);
  });

  test("decodes entities", () => {
    expect(htmlToPlainText("<p>Prijs &amp; voorwaarden: &ldquo;gratis&rdquo; &lt;b&gt; &#39;echt&#39; &euro;5&nbsp;p/m</p>")).toBe(
      "Prijs & voorwaarden: “gratis” <b> 'echt' €5\u00a0p/m",
    );
  });

  test("keeps an emoji image as its alt text", () => {
    const html =
      '<p>Dank je <img src="/images/emoji/twitter/slight_smile.png?v=12" title=":slight_smile:" class="emoji" alt=":slight_smile:" loading="lazy" width="20" height="20"> echt!</p>';
    expect(htmlToPlainText(html)).toBe("Dank je :slight_smile: echt!");
  });

  test("an image without alt leaves nothing behind", () => {
    expect(htmlToPlainText('<p>Zie <img src="/uploads/x.png"> hier</p>')).toMatch(/^Zie\s+hier$/);
  });

  test("links keep their text, not their href; mentions stay readable", () => {
    const text = htmlToPlainText(
      '<p>Hoi <a class="mention" href="/u/marieke_vdberg">@marieke_vdberg</a>, zie <a href="https://voltaro.example/faq">de FAQ</a>.</p>',
    );
    expect(text).toBe("Hoi @marieke_vdberg, zie de FAQ.");
  });

  test("quoted posts are left out", () => {
    const html = '<aside class="quote no-group" data-username="j.okafor"><blockquote><p>oud citaat</p></blockquote></aside>\n<p>Mijn antwoord</p>';
    expect(htmlToPlainText(html)).toBe("Mijn antwoord");
  });

  test("headings are not upper-cased", () => {
    expect(htmlToPlainText("<h2>Mijn Vraag</h2><p>tekst</p>")).toMatch(/^Mijn Vraag\n+tekst$/);
  });

  test("long lines are not wrapped", () => {
    const long = "woord ".repeat(60).trim();
    expect(htmlToPlainText(`<p>${long}</p>`)).toBe(long);
  });
});

describe("excerpt", () => {
  test("short text is returned whole, whitespace flattened", () => {
    expect(excerpt("  Hallo\n\nallemaal,  hoe   gaat het?  ", 280)).toBe("Hallo allemaal, hoe gaat het?");
    expect(excerpt("precies tien", 12)).toBe("precies tien");
  });

  test("cuts at a word boundary and ends with an ellipsis", () => {
    expect(excerpt("Een korte zin die te lang is voor de kaart", 20)).toBe("Een korte zin die…");
  });

  test("drops trailing punctuation before the ellipsis", () => {
    expect(excerpt("Hallo allemaal, vorige week ben ik overgestapt", 19)).toBe("Hallo allemaal…");
  });

  test("never cuts inside a word when a boundary is near", () => {
    const text = "Vorige week ben ik overgestapt van een maandabonnement naar een jaarabonnement.";
    for (let max = 20; max < text.length; max++) {
      const cut = excerpt(text, max);
      expect(cut.endsWith("…")).toBe(true);
      const kept = cut.slice(0, -1);
      expect(text.startsWith(kept)).toBe(true);
      // what follows the kept part in the original is a word boundary
      expect(text.slice(kept.length)).toMatch(/^[\s,.;:!?-]/);
    }
  });

  test.each([5, 11, 20, 50])("fits in max characters, ellipsis included (max %i)", (max) => {
    for (const text of ["abcdefghijklmnopqrstuvwxyz".repeat(4), "hello world foo bar baz qux quux corge grault garply", "x ".repeat(100)]) {
      const cut = excerpt(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
    }
  });

  test("a single overlong word is cut hard, still with an ellipsis", () => {
    expect(excerpt("Abonnementsvoorwaardenwijziging", 10)).toBe("Abonnemen…");
  });
});
