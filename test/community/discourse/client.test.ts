// DiscourseClient against a nock'ed Discourse: request shape, response mapping, error classes.
import nock from "nock";
import { DiscourseClient } from "../../../src/community/discourse/client";
import { PermanentError, RetryableError } from "../../../src/core/kernel/errors";
import { fixture } from "../../support/fixtures";

const BASE = "https://community.voltaro.example";
const API_KEY = "all-users-key-abc123";
const TOPIC_SLUG = "factuur-dubbel-afgeschreven-na-overstap-naar-jaarabonnement";

const client = (requestsPerMinute = 60) =>
  new DiscourseClient({ name: "discourse", baseUrl: BASE, apiKey: API_KEY, apiUsername: "system", timeoutMs: 2000, requestsPerMinute });

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  // Every test uses all of its interceptors: a call the client did not make is a failure too.
  expect(pending).toEqual([]);
});

/** Runs a call that must fail and returns what it threw. */
async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("createReply", () => {
  const reply = { topicId: 4821, raw: "Hoi @marieke_vdberg, dank je voor je melding!", asUsername: "sanne.devries" };

  test("posts as the employee with the API key and returns the new post's id and url", async () => {
    let sentBody: unknown;
    nock(BASE, { reqheaders: { "api-key": API_KEY, "api-username": "sanne.devries", "content-type": /application\/json/ } })
      .post("/posts.json", (body) => {
        sentBody = body;
        return true;
      })
      .reply(200, fixture("discourse/create_post_response.json"));

    const result = await client().createReply(reply);

    expect(sentBody).toEqual({ topic_id: 4821, raw: reply.raw });
    expect(result).toEqual({ postId: 19081, url: `${BASE}/t/${TOPIC_SLUG}/4821/3` });
  });

  test("429 with Retry-After: 7 → RetryableError, 7000 ms, rate limited", async () => {
    nock(BASE)
      .post("/posts.json")
      .reply(429, { errors: ["You’ve performed this action too many times."], error_type: "rate_limit" }, { "Retry-After": "7" });
    const error = await failure(client().createReply(reply));
    expect(error).toBeInstanceOf(RetryableError);
    expect(error).toMatchObject({ retryAfterMs: 7000, rateLimited: true });
  });

  test("after a 429 the API key's budget waits out the Retry-After: the next call, of any kind, does not reach Discourse", async () => {
    nock(BASE).post("/posts.json").reply(429, { error_type: "rate_limit" }, { "Retry-After": "30" });
    const discourse = client();
    await failure(discourse.createReply(reply));
    const next = await failure(discourse.searchSolved({ query: "factuur", limit: 3, excludeTopicId: 1 }));
    expect(next).toBeInstanceOf(RetryableError);
    expect((next as RetryableError).retryAfterMs).toBeGreaterThan(25_000);
  });

  test("every call draws from one budget a minute: past it, a call is told when to come back without reaching Discourse", async () => {
    nock(BASE).post("/posts.json").times(2).reply(200, fixture("discourse/create_post_response.json"));
    const discourse = client(2);
    await discourse.createReply(reply);
    await discourse.createReply(reply);
    // An AI draft's search, made outside the outbox's lane, spends the same budget.
    const search = await failure(discourse.searchSolved({ query: "factuur", limit: 3, excludeTopicId: 1 }));
    expect(search).toMatchObject({ rateLimited: true });
    expect((search as RetryableError).retryAfterMs).toBeGreaterThan(50_000);
  });

  test("429 without Retry-After uses extras.wait_seconds", async () => {
    nock(BASE)
      .post("/posts.json")
      .reply(429, { extras: { wait_seconds: 12 } });
    const error = await failure(client().createReply(reply));
    expect(error).toBeInstanceOf(RetryableError);
    expect(error).toMatchObject({ retryAfterMs: 12000, rateLimited: true });
  });

  test("502 → RetryableError that is not a rate limit", async () => {
    nock(BASE).post("/posts.json").reply(502, "<html>Bad Gateway</html>");
    const error = await failure(client().createReply(reply));
    expect(error).toBeInstanceOf(RetryableError);
    expect(error).toMatchObject({ rateLimited: false });
    expect((error as RetryableError).retryAfterMs).toBeUndefined();
  });

  test("422 validation error → PermanentError carrying Discourse's reason", async () => {
    nock(BASE)
      .post("/posts.json")
      .reply(422, { action: "create_post", errors: ["Body is too short (minimum is 20 characters)"] });
    const error = await failure(client().createReply(reply));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error).not.toBeInstanceOf(RetryableError);
    expect((error as PermanentError).reason).toContain("Body is too short");
  });

  test("403 without a JSON body → PermanentError with the HTTP status as reason", async () => {
    nock(BASE).post("/posts.json").reply(403, "forbidden");
    const error = await failure(client().createReply(reply));
    expect(error).toBeInstanceOf(PermanentError);
    expect((error as PermanentError).reason).toBe("HTTP 403");
  });

  test("a network error → RetryableError", async () => {
    nock(BASE).post("/posts.json").replyWithError({ code: "ECONNRESET", message: "socket hang up" });
    const error = await failure(client().createReply(reply));
    expect(error).toBeInstanceOf(RetryableError);
    expect((error as Error).message).toMatch(/unreachable/i);
  });
});

describe("findUserByEmail", () => {
  test("finds the account with that email", async () => {
    nock(BASE)
      .get("/admin/users/list/active.json")
      .query({ email: "sanne.devries@voltaro.example", show_emails: "true" })
      .matchHeader("api-key", API_KEY)
      .matchHeader("api-username", "system")
      .reply(200, fixture("discourse/users_by_email.json"));
    expect(await client().findUserByEmail("sanne.devries@voltaro.example")).toEqual({ userId: 77, username: "sanne.devries" });
  });

  test("no account → null", async () => {
    nock(BASE)
      .get("/admin/users/list/active.json")
      .query({ email: "nobody@voltaro.example", show_emails: "true" })
      .reply(200, fixture("discourse/users_by_email_not_found.json"));
    expect(await client().findUserByEmail("nobody@voltaro.example")).toBeNull();
  });

  test("an email with + and & is sent encoded", async () => {
    nock(BASE).get("/admin/users/list/active.json").query({ email: "a+b&c@voltaro.example", show_emails: "true" }).reply(200, []);
    expect(await client().findUserByEmail("a+b&c@voltaro.example")).toBeNull();
  });
});

describe("getTopic", () => {
  test("404 → null", async () => {
    nock(BASE)
      .get("/t/9999.json")
      .reply(404, { errors: ["The requested URL or resource could not be found."], error_type: "not_found" });
    expect(await client().getTopic(9999)).toBeNull();
  });

  test("maps the topic page: tags, category, author, first post as plain text", async () => {
    nock(BASE).get("/t/4821.json").reply(200, fixture("discourse/topic.json"));
    const topic = await client().getTopic(4821);
    expect(topic).toMatchObject({
      topicId: 4821,
      title: "Factuur dubbel afgeschreven na overstap naar jaarabonnement",
      url: `${BASE}/t/${TOPIC_SLUG}/4821`,
      tags: ["facturatie", "abonnement"],
      categoryId: 5,
      authorUsername: "marieke_vdberg",
      authorName: "Marieke van den Berg",
      closed: false,
    });
    expect(topic?.postedAt.toISOString()).toBe("2026-11-20T08:14:02.511Z");
    expect(topic?.firstPostText).toContain("Vorige week ben ik overgestapt van een maandabonnement naar een jaarabonnement.");
    expect(topic?.firstPostText).toContain("Alvast bedankt!");
    expect(topic?.firstPostText).not.toMatch(/<[a-z/]/i);
    // The first post, not a reply.
    expect(topic?.firstPostText).not.toContain("Same thing happened");
  });

  test("500 → RetryableError (not null)", async () => {
    nock(BASE).get("/t/4821.json").reply(500, "oops");
    expect(await failure(client().getTopic(4821))).toBeInstanceOf(RetryableError);
  });
});

describe("listLatest", () => {
  test("the first poll only sets a cursor at the newest topic", async () => {
    nock(BASE).get("/latest.json").query(true).reply(200, fixture("discourse/latest.json"));
    const result = await client().listLatest(null);
    expect(result.events).toEqual([]);
    expect(result.cursor).toBe("4826");
  });

  test("a later poll returns only topics above the cursor, as topic.opened", async () => {
    nock(BASE).get("/latest.json").query(true).reply(200, fixture("discourse/latest.json"));
    const result = await client().listLatest("4821");
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      type: "topic.opened",
      topic: { topicId: 4826, title: "How do I export my usage data to CSV?", tags: ["export"], url: `${BASE}/t/how-do-i-export-my-usage-data-to-csv/4826` },
    });
    expect(result.cursor).toBe("4826");
  });

  test("nothing new → no events, cursor unchanged", async () => {
    nock(BASE).get("/latest.json").query(true).reply(200, fixture("discourse/latest.json"));
    expect(await client().listLatest("4826")).toEqual({ events: [], cursor: "4826" });
  });

  test("several new topics come oldest first; private messages are skipped", async () => {
    const page = fixture<{ topic_list: { topics: Array<Record<string, unknown>> } }>("discourse/latest.json");
    const [newest, older] = page.topic_list.topics;
    page.topic_list.topics = [{ ...newest, id: 4830, archetype: "private_message" }, { ...newest }, { ...older }];
    nock(BASE).get("/latest.json").query(true).reply(200, page);
    const result = await client().listLatest("4800");
    expect(result.events.map((event) => (event.type === "topic.opened" ? event.topic.topicId : null))).toEqual([4821, 4826]);
    expect(result.cursor).toBe("4826");
  });
});

describe("findReplyByMarker", () => {
  const marker = "<!-- advocate:answer:7f3c -->";

  function postJson(id: number, raw: string) {
    return { ...fixture<Record<string, unknown>>("discourse/create_post_response.json"), id, raw };
  }

  test("finds the employee's post whose raw text holds the marker", async () => {
    nock(BASE).get("/t/4821.json").reply(200, fixture("discourse/topic.json"));
    nock(BASE)
      .get("/posts/19081.json")
      .reply(200, postJson(19081, `Hoi @marieke_vdberg, het bedrag komt terug.\n\n${marker}`));
    const found = await client().findReplyByMarker({ topicId: 4821, username: "sanne.devries", marker });
    expect(found).toEqual({ postId: 19081, url: `${BASE}/t/${TOPIC_SLUG}/4821/3` });
  });

  test("the employee's post without the marker → null; other people's posts are not fetched", async () => {
    nock(BASE).get("/t/4821.json").reply(200, fixture("discourse/topic.json"));
    nock(BASE).get("/posts/19081.json").reply(200, postJson(19081, "Hoi @marieke_vdberg, iets anders."));
    // No interceptors for 19077/19079: fetching them would fail the call.
    expect(await client().findReplyByMarker({ topicId: 4821, username: "sanne.devries", marker })).toBeNull();
  });

  test("on a long topic the reply past the first page is found through /t/{id}/posts.json", async () => {
    const topic = fixture<{ post_stream: { posts: { id: number }[]; stream: number[] } }>("discourse/topic.json");
    const firstPage = topic.post_stream.posts;
    // 60 posts: the first page holds three, the newest (ours) is id 19200.
    const stream = [...firstPage.map((post) => post.id), ...Array.from({ length: 57 }, (_, i) => 19144 + i)];
    nock(BASE)
      .get("/t/4821.json")
      .reply(200, { ...topic, post_stream: { posts: firstPage, stream } });
    const olderOthers = stream.slice(-30, -1).map((id) => ({ id, username: "klant", post_number: id - 19140, cooked: "<p>…</p>" }));
    nock(BASE)
      .get("/t/4821/posts.json")
      .query((query) => Array.isArray(query["post_ids[]"]) && query["post_ids[]"].length === 30 && query["post_ids[]"].includes("19200"))
      .reply(200, { post_stream: { posts: [...olderOthers, { id: 19200, username: "sanne.devries", post_number: 60, cooked: "<p>Hoi</p>" }] } });
    nock(BASE)
      .get("/posts/19200.json")
      .reply(200, { ...postJson(19200, `Hoi!\n\n${marker}`), post_number: 60 });
    const found = await client().findReplyByMarker({ topicId: 4821, username: "sanne.devries", marker });
    expect(found).toEqual({ postId: 19200, url: `${BASE}/t/${TOPIC_SLUG}/4821/60` });
  });

  test("topic gone → null", async () => {
    nock(BASE).get("/t/4821.json").reply(404, {});
    expect(await client().findReplyByMarker({ topicId: 4821, username: "sanne.devries", marker })).toBeNull();
  });
});

describe("an author's edit and withdrawal", () => {
  test("editPost PUTs post[raw] and post[edit_reason] as the author and reads the revised post", async () => {
    const scope = nock(BASE, { reqheaders: { "api-key": API_KEY, "api-username": "sanne.devries" } })
      .put("/posts/19081.json", { post: { raw: "New text", edit_reason: "Typo" } })
      .reply(200, fixture("discourse/update_post_response.json"));
    await client().editPost({ postId: 19081, raw: "New text", reason: "Typo", asUsername: "sanne.devries" });
    expect(scope.isDone()).toBe(true);
  });

  test("an edit the community refuses is a PermanentError with its own reason", async () => {
    nock(BASE).put("/posts/19081.json").reply(422, fixture("discourse/update_post_too_short.json"));
    const refused = client().editPost({ postId: 19081, raw: "Ok", reason: null, asUsername: "sanne.devries" });
    await expect(refused).rejects.toBeInstanceOf(PermanentError);
    await expect(refused).rejects.toMatchObject({ reason: "Body is too short (minimum is 20 characters)" });
  });

  test("deletePost DELETEs as the author (empty 200); a post already gone is false, a 503 retryable", async () => {
    nock(BASE, { reqheaders: { "api-username": "sanne.devries" } })
      .delete("/posts/19081.json")
      .reply(200, "");
    expect(await client().deletePost({ postId: 19081, asUsername: "sanne.devries" })).toBe(true);
    nock(BASE)
      .delete("/posts/19081.json")
      .reply(404, { errors: ["The requested URL or resource could not be found."], error_type: "not_found" });
    expect(await client().deletePost({ postId: 19081, asUsername: "sanne.devries" })).toBe(false);
    nock(BASE).delete("/posts/19081.json").reply(503, "");
    await expect(client().deletePost({ postId: 19081, asUsername: "sanne.devries" })).rejects.toBeInstanceOf(RetryableError);
  });
});

describe("categorySlug", () => {
  afterEach(() => jest.restoreAllMocks());

  test("names a category (and a subcategory) by its slug from GET /site.json, asked once while fresh", async () => {
    nock(BASE, { reqheaders: { "api-key": API_KEY, "api-username": "system" } })
      .get("/site.json")
      .once()
      .reply(200, fixture("discourse/site.json"));
    const discourse = client();
    expect(await discourse.categorySlug(5)).toBe("support");
    expect(await discourse.categorySlug(7)).toBe("payments");
    expect(await discourse.categorySlug(1)).toBe("uncategorized");
  });

  test("asks again once the categories are ten minutes old, and for an unknown id at most once a minute", async () => {
    let now = Date.parse("2026-11-20T09:00:00Z");
    jest.spyOn(Date, "now").mockImplementation(() => now);
    const site = fixture<{ categories: Array<{ id: number; slug: string }> }>("discourse/site.json");
    const renamed = { ...site, categories: site.categories.map((category) => (category.id === 7 ? { ...category, slug: "betalingen" } : category)) };
    nock(BASE).get("/site.json").reply(200, site).get("/site.json").reply(200, renamed).get("/site.json").reply(200, renamed);
    const discourse = client();
    expect(await discourse.categorySlug(42)).toBeNull(); // first fetch
    now += 30_000;
    expect(await discourse.categorySlug(42)).toBeNull(); // unknown, but asked 30 s ago: from the cache
    now += 31_000;
    expect(await discourse.categorySlug(42)).toBeNull(); // second fetch
    expect(await discourse.categorySlug(7)).toBe("betalingen");
    now += 10 * 60_000;
    expect(await discourse.categorySlug(7)).toBe("betalingen"); // third fetch: stale
  });

  test("a community that cannot be reached is a RetryableError", async () => {
    nock(BASE).get("/site.json").reply(503, "unavailable");
    expect(await failure(client().categorySlug(5))).toBeInstanceOf(RetryableError);
  });
});
