// A Teams activity's addresses (how to reach its channel and its person later) are written when they are new or
// changed, and nothing is written when a click only repeats what is known: a click's answer waits on no write.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { AddressRepo } from "../../src/core/ports";
import { teamsActivity } from "../../src/chat/teams/activity";
import { rememberAddresses } from "../../src/chat/teams/addresses";

const invoke = teamsActivity.parse(JSON.parse(readFileSync(path.join(__dirname, "../fixtures/teams/invoke_adaptive_card_action.json"), "utf8")));

function memoryAddresses(): AddressRepo & { saves: string[] } {
  const rows = new Map<string, unknown>();
  const saves: string[] = [];
  return {
    saves,
    get: async (surface, kind, id) => structuredClone(rows.get(`${surface}/${kind}/${id}`) ?? null),
    save: async (surface, kind, id, reference) => {
      saves.push(`${kind}/${id}`);
      rows.set(`${surface}/${kind}/${id}`, JSON.parse(JSON.stringify(reference)));
    },
    list: async () => [],
  };
}

test("the first activity writes the channel's and the person's address; the same again writes nothing; a change writes", async () => {
  const addresses = memoryAddresses();
  await rememberAddresses(addresses, invoke);
  expect(addresses.saves.sort()).toEqual([`channel/${invoke.channelData?.channel?.id}`, `user/${invoke.from.id}`].sort());

  addresses.saves.length = 0;
  await rememberAddresses(addresses, invoke);
  expect(addresses.saves).toEqual([]);

  // Teams moved the conversation to another service URL: both addresses follow it.
  await rememberAddresses(addresses, { ...invoke, serviceUrl: "https://smba.trafficmanager.net/amer/" });
  expect(addresses.saves.sort()).toEqual([`channel/${invoke.channelData?.channel?.id}`, `user/${invoke.from.id}`].sort());
  expect(await addresses.get("teams", "user", invoke.from.id)).toMatchObject({ serviceUrl: "https://smba.trafficmanager.net/amer/" });
});
