// The Slack App Home as a test sees it: open it as Slack does (a signed app_home_opened event), and read the view
// Advocate last published for a person.
import { fixture } from "./fixtures";
import type { FakeSlack } from "./slackApi";
import type { TestApp } from "./testApp";

export async function openHome(app: TestApp, slack: FakeSlack, user: string): Promise<string> {
  const event = fixture<Record<string, any>>("slack/app_home_opened.json");
  event.event.user = user;
  event.event_id = `Ev${user}${Date.now()}`;
  expect((await app.postSlack(JSON.stringify(event), "application/json")).status).toBe(200);
  return publishedHome(app, slack, user);
}

export async function publishedHome(app: TestApp, slack: FakeSlack, user: string): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await app.drain();
  const published = slack
    .of("views.publish")
    .filter((call) => call.body.user_id === user)
    .at(-1);
  expect(published).toBeDefined();
  // The Web API client sends the view as a JSON string.
  const view = published!.body.view;
  return typeof view === "string" ? view : JSON.stringify(view);
}
