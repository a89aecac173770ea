// Rule-based classification: language from stop words, kind from phrase lists, urgency.
import { classify, detectLanguage } from "../../src/core/questions/classify";
import { htmlToPlainText } from "../../src/core/kernel/plainText";
import { fixture } from "../support/fixtures";

interface PostBody {
  post: { cooked: string; topic_title: string };
}

describe("detectLanguage", () => {
  test("the Dutch customer question is Dutch", () => {
    const { post } = fixture<PostBody>("discourse/post_created_first_post.json");
    expect(detectLanguage(`${post.topic_title}\n${htmlToPlainText(post.cooked)}`)).toBe("nl");
    // Even when the fallback says otherwise.
    expect(detectLanguage(htmlToPlainText(post.cooked), "en")).toBe("nl");
  });

  test("the English reply is English", () => {
    const { post } = fixture<PostBody>("discourse/post_created.json");
    expect(detectLanguage(htmlToPlainText(post.cooked), "nl")).toBe("en");
  });

  test("the Dutch employee answer is Dutch", () => {
    const { solved } = fixture<{ solved: { cooked: string } }>("discourse/accepted_solution.json");
    expect(detectLanguage(htmlToPlainText(solved.cooked), "en")).toBe("nl");
  });

  test("the English topic in latest.json is English", () => {
    expect(detectLanguage("How do I export my usage data to CSV?", "nl")).toBe("en");
  });

  test("no signal (or a tie) → the fallback", () => {
    expect(detectLanguage("", "nl")).toBe("nl");
    expect(detectLanguage("", "en")).toBe("en");
    expect(detectLanguage("CSV XML PDF 2026", "nl")).toBe("nl");
    // one Dutch stop word ("het"), one English ("the")
    expect(detectLanguage("het the", "en")).toBe("en");
    expect(detectLanguage("het the", "nl")).toBe("nl");
  });

  test("is case-insensitive and not fooled by word parts", () => {
    expect(detectLanguage("HALLO, IK HEB EEN VRAAG OVER MIJN FACTUUR", "en")).toBe("nl");
    // "theater", "ander", "andere" contain stop words but are not stop words
    expect(detectLanguage("theater theorie andere", "nl")).toBe("nl");
  });
});

describe("classify: kind", () => {
  test("a plain question", () => {
    expect(classify("How do I export my usage data to CSV?", "Is there a button for it somewhere?").kind).toBe("question");
    expect(classify("Hoe wijzig ik mijn adres?", "Ik ben verhuisd.").kind).toBe("question");
  });

  test("the fixture question mentions a double charge: complaint", () => {
    const { post } = fixture<PostBody>("discourse/post_created_first_post.json");
    expect(classify(post.topic_title, htmlToPlainText(post.cooked), "en")).toEqual({ language: "nl", kind: "complaint", urgent: false });
  });

  test("complaints, Dutch and English", () => {
    expect(classify("Ik ben teleurgesteld", "De app werkt niet meer sinds de update.").kind).toBe("complaint");
    expect(classify("Charged twice", "This is unacceptable, I want a refund.").kind).toBe("complaint");
    expect(classify("App", "It doesn't work after the update").kind).toBe("complaint");
  });

  test("ideas", () => {
    expect(classify("Suggestie: donkere modus", "Het zou handig zijn als de app een donkere modus had.").kind).toBe("idea");
    expect(classify("Dark mode", "It would be nice to have a dark mode. Please add it!").kind).toBe("idea");
  });

  test("praise", () => {
    expect(classify("Compliment", "Bedankt voor de snelle hulp, top service!").kind).toBe("praise");
    expect(classify("Kudos", "Thank you for fixing it so quickly, great service.").kind).toBe("praise");
  });

  test("the kind with most matching phrases wins", () => {
    // praise: "bedankt voor"; complaint: "belachelijk", "onacceptabel"
    expect(classify("Bedankt voor niks", "Dit is belachelijk en onacceptabel.").kind).toBe("complaint");
    // complaint: "wrong"; praise: "awesome", "love it", "well done"
    expect(classify("Awesome", "I love it, well done. Nothing wrong with it.").kind).toBe("praise");
  });

  test("phrases match whole words only", () => {
    // "refunded" is not "refund", "wishlist" is not "wish", "fouten" is not "fout"
    expect(classify("Refunded", "My wishlist is empty.").kind).toBe("question");
    expect(classify("Fouten", "Waar vind ik de lijst?").kind).toBe("question");
  });

  test("looks at the title as well as the body", () => {
    expect(classify("Klacht over levering", "Het pakket is er nog niet.").kind).toBe("complaint");
  });
});

describe("classify: urgency", () => {
  test("urgent words in title or body", () => {
    expect(classify("DRINGEND: storing", "Niets werkt").urgent).toBe(true);
    expect(classify("Help", "The portal is down, we need it ASAP").urgent).toBe(true);
    expect(classify("Critical", "").urgent).toBe(true);
  });

  test("no urgent words, or only inside other words", () => {
    expect(classify("How do I download my invoice?", "Thanks!").urgent).toBe(false);
    expect(classify("Hoe wijzig ik mijn adres?", "").urgent).toBe(false);
  });
});

describe("classify: language", () => {
  test("uses the fallback when the text gives no signal", () => {
    expect(classify("CSV", "XML", "nl").language).toBe("nl");
    expect(classify("CSV", "XML", "en").language).toBe("en");
  });

  test("title and body together decide", () => {
    expect(classify("Vraag over mijn factuur", "Waarom is het bedrag niet juist?", "en").language).toBe("nl");
    expect(classify("Question about my invoice", "Why is the amount not right?", "nl").language).toBe("en");
  });
});
