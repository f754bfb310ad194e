// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OrgChoice } from '../../../../entrypoints/options/OrgChoice';
import { OrgOptions } from '../../../../entrypoints/options/org-options';
import type { Org } from '../../../../lib/usage/types';

const OWN: Org[] = [
  { uuid: 'o1', name: 'Personal', plan: 'Pro' },
  { uuid: 'o2', name: 'Team', plan: null },
];
const work = { id: 'a12345678', name: 'Work' };
const WORK: Org[] = [{ uuid: `${work.id}/x`, name: 'Acme', plan: 'Max 5x', account: work }];

const select = (orgs: Org[]) => (
  <select aria-label="orgs">
    <OrgOptions orgs={orgs} />
  </select>
);

afterEach(cleanup);

describe('OrgOptions', () => {
  it('lists the browser’s organisations as before when no login is added', () => {
    render(select(OWN));
    expect(document.querySelectorAll('optgroup')).toHaveLength(0);
    expect([...document.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Personal (Pro)',
      'Team',
    ]);
  });

  it('groups organisations by login, named with their account, once one is added', () => {
    render(select([...OWN, ...WORK]));
    const groups = [...document.querySelectorAll('optgroup')];
    expect(groups.map((g) => g.label)).toEqual(['This browser’s claude.ai login', 'Work']);
    expect(groups[1]!.querySelector('option')!.textContent).toBe('Work · Acme (Max 5x)');
    expect(groups[1]!.querySelector('option')!.value).toBe(`${work.id}/x`);
  });
});

describe('OrgChoice', () => {
  const choice = (orgs: Org[]) =>
    render(
      <OrgChoice
        id="c1"
        name="Phone"
        orgs={orgs}
        chosen={['o1']}
        disabled={false}
        onChange={() => undefined}
      />,
    );

  it('puts each login’s organisations under its name', () => {
    choice([...OWN, ...WORK]);
    const group = screen.getByRole('group', { name: 'Work' });
    expect(within(group).getByRole('checkbox', { name: 'Work · Acme' })).toBeTruthy();
    const own = screen.getByRole('group', { name: 'This browser’s claude.ai login' });
    expect(within(own).getAllByRole('checkbox')).toHaveLength(2);
  });

  it('has no login headings when there is only the browser’s own', () => {
    choice(OWN);
    expect(screen.queryByText('This browser’s claude.ai login')).toBeNull();
    expect(screen.getAllByRole('checkbox')).toHaveLength(2);
  });
});
