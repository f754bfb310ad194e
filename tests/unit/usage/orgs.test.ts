import { describe, expect, it } from 'vitest';
import { parseOrganizations, planOf } from '../../../lib/usage/orgs';
import { fixture } from '../support/fixtures';

describe('parseOrganizations', () => {
  it('keeps the chat organisations and leaves the API-only one out', () => {
    expect(parseOrganizations(fixture('organizations.json'))).toEqual([
      {
        uuid: '5f6a7b8c-1111-4111-8111-00000000c4a7',
        name: "alex@example.com's Organization",
        plan: 'Max 5x',
      },
      { uuid: '9d8e7f6a-2222-4222-8222-0000000071ea', name: 'Acme Team', plan: 'Team' },
    ]);
  });

  it('skips entries without a usable uuid and refuses what is not a list', () => {
    expect(
      parseOrganizations([{ capabilities: ['chat'] }, { uuid: '../x', capabilities: ['chat'] }]),
    ).toEqual([]);
    expect(parseOrganizations({ uuid: 'x' })).toBeNull();
  });

  it('keeps a hostile name as plain text data', () => {
    const [org] = parseOrganizations([
      { uuid: 'a-1', name: '<img src=x onerror=alert(1)>', capabilities: ['chat'] },
    ])!;
    expect(org!.name).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('planOf', () => {
  it.each([
    ['default_claude_max_20x', [], null, 'Max 20x'],
    ['default_raven_enterprise', [], 'enterprise', 'Enterprise'],
    ['default_claude_ai', ['chat', 'claude_pro'], null, 'Pro'],
    ['default_claude_ai', ['chat'], null, null],
    ['something_new', ['chat', 'claude_max'], null, 'Max'],
  ])('names %s %j as %s', (tier, caps, raven, plan) => {
    expect(planOf(tier, caps, raven)).toBe(plan);
  });
});
