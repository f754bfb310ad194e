import { fixtureJson } from '../fixtures/fake-claude';
import { expect, test } from './harness';

/** A personal Max plan and a Team plan on one login, side by side. */

const API_ORG = '0b1c2d3e-0000-4000-8000-00000000a91e';
const MAX_ORG = '5f6a7b8c-1111-4111-8111-00000000c4a7';
const TEAM_ORG = '9d8e7f6a-2222-4222-8222-0000000071ea';

test('both chat organisations are read, the API one never, and the badge follows the setting', async ({
  server,
  signIn,
  triggerPoll,
  badge,
  storageGet,
  currentContext,
  extensionId,
}) => {
  server.setUsage(TEAM_ORG, { body: fixtureJson('max-fable-scoped-aug-2026.json') });
  await signIn();
  await triggerPoll();
  const latest = (await storageGet<Record<string, unknown>>('latest'))!;
  expect(Object.keys(latest).sort()).toEqual([MAX_ORG, TEAM_ORG].sort());
  expect(server.requests.some((r) => r.path.includes(API_ORG))).toBe(false);

  // Tightest by default: Max at 64 % beats Team at 52 %.
  expect((await badge()).text).toBe('64%');
  const options = await currentContext().newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('The badge follows').selectOption({ label: 'Acme Team (Team)' });
  await expect.poll(async () => (await badge()).text).toBe('52%');
});
