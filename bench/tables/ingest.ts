// Table 2: signed Discourse webhooks (customer replies on a topic) at rising rates, open loop: how long the app
// takes to answer each (it stores the event and answers 200; the work runs later), and the highest rate whose p99
// stays within 50 ms.
import { customer, type World } from "../support/world";
import { ms, percentile, runAtRate } from "../support/stats";
import { benchTag, newQuestion } from "./setup";

const RATES = [25, 50, 100, 200, 400];
const SECONDS = 5;
const P99_LIMIT_MS = 50;

export async function measureIngest(world: World) {
  const topicId = await newQuestion(world, benchTag(1));
  const steps = [];
  let sustainedPerSecond = 0;
  for (const rate of RATES) {
    const { latencies, failures } = await runAtRate(rate, SECONDS, async () => {
      const post = world.discourse.createPost(customer, topicId, "Nog een aanvulling op mijn vraag: het gaat om de factuur van november.");
      return (await world.discourse.emit("post_created", world.discourse.postCreatedBody(post))).status;
    });
    const p99 = percentile(latencies, 99);
    steps.push({ "rate (/s)": rate, webhooks: latencies.length, p50: ms(percentile(latencies, 50)), p99: ms(p99), "non-2xx": failures });
    if (p99 <= P99_LIMIT_MS && failures === 0) sustainedPerSecond = rate;
    else break;
  }
  return { steps, sustainedPerSecond };
}
