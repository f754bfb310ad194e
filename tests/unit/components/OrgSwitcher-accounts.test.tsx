// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrgSwitcher } from '../../../components/OrgSwitcher';
import { asAccountOrg, joinOrgs } from '../../../lib/accounts/accounts';
import { levelOf } from '../../../lib/display/levels';
import type { Org } from '../../../lib/usage/types';

afterEach(cleanup);

const level = (p: number) => levelOf(p, { warnAt: 75, criticalAt: 90 });
const plain: Org[] = [
  { uuid: 'u1', name: 'Personal', plan: 'Max 5x' },
  { uuid: 'u2', name: 'Acme Team', plan: 'Team' },
  { uuid: 'u3', name: 'Beta', plan: null },
];
const WORK = { id: 'a0w0r0k00', name: 'Work' };
const HOME = { id: 'a0h0o0m00', name: 'Home' };

/** A node's children as HTML (tags, attributes in order, text), read without `innerHTML`. */
function markup(node: Node): string {
  return [...node.childNodes]
    .map((child) => {
      if (!(child instanceof Element)) return child.textContent ?? '';
      const tag = child.tagName.toLowerCase();
      const attrs = [...child.attributes].map((a) => ` ${a.name}="${a.value}"`).join('');
      return `<${tag}${attrs}>${markup(child)}</${tag}>`;
    })
    .join('');
}

function show(orgs: Org[], selected: string, tightest: Record<string, number> = {}) {
  const onSelect = vi.fn();
  const { container } = render(
    <OrgSwitcher
      orgs={orgs}
      selected={selected}
      tightest={tightest}
      levelOf={level}
      onSelect={onSelect}
    />,
  );
  return { container, onSelect };
}

describe('OrgSwitcher with added logins', () => {
  it('groups the list by login, the browser’s own first, each option named for its account', () => {
    // The stored order, as the poll joins it.
    const list = joinOrgs(
      [
        { list: plain.slice(0, 2), discoveredAt: 1 },
        { list: [asAccountOrg({ uuid: 'x', name: 'Acme', plan: 'Team' }, WORK)], discoveredAt: 1 },
        {
          list: [
            asAccountOrg({ uuid: 'y', name: 'Home org', plan: 'Pro' }, HOME),
            asAccountOrg({ uuid: 'z', name: 'Side', plan: null }, HOME),
          ],
          discoveredAt: 1,
        },
      ],
      [{ account: WORK }, { account: HOME }],
    ).list;
    const { onSelect } = show(list, `${WORK.id}/x`, { [`${WORK.id}/x`]: 80 });
    const select = screen.getByRole('combobox', { name: 'Organisations' }) as HTMLSelectElement;
    const groups = [...select.querySelectorAll('optgroup')];
    expect(groups.map((g) => g.label)).toEqual(['This browser', 'Work', 'Home']);
    expect(groups.map((g) => [...g.querySelectorAll('option')].map((o) => o.value))).toEqual([
      ['u1', 'u2'],
      [`${WORK.id}/x`],
      [`${HOME.id}/y`, `${HOME.id}/z`],
    ]);
    expect(select.querySelectorAll(':scope > option')).toHaveLength(0);
    const acme = select.querySelector(`option[value="${WORK.id}/x"]`)!;
    expect(acme.textContent).toBe('Work · Acme · Team · 80%');
    expect(acme.getAttribute('title')).toBe('Work · Acme');
    expect(select.value).toBe(`${WORK.id}/x`);
    fireEvent.change(select, { target: { value: `${HOME.id}/z` } });
    expect(onSelect).toHaveBeenCalledWith(`${HOME.id}/z`);
  });

  it('names the account on side-by-side buttons', () => {
    show([plain[0]!, asAccountOrg({ uuid: 'x', name: 'Acme', plan: 'Team' }, WORK)], 'u1');
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.querySelector('.org-name')!.textContent)).toEqual([
      'Personal',
      'Work · Acme',
    ]);
    expect(buttons[1]!.querySelector('.org-tip')!.textContent).toBe('Work · Acme');
  });

  it('draws exactly the markup it drew before accounts existed, without added logins', () => {
    // Rendered by the component as released before accounts (the same props).
    const before = [
      '<div class="orgs" role="group" aria-label="Organisations"><button type="button" class="org" aria-pressed="false"><span class="org-name">Personal</span><span class="org-percent text-ok">40%</span><span class="org-tip" aria-hidden="true">Personal</span></button><button type="button" class="org" aria-pressed="true"><span class="org-name">Acme Team</span><span class="org-percent text-critical">93%</span><span class="org-tip" aria-hidden="true">Acme Team</span></button></div>',
      '<div class="orgs orgs-many"><select class="org-select" aria-label="Organisations"><option title="Personal" value="u1">Personal · Max 5x · 40%</option><option title="Acme Team" value="u2">Acme Team · Team · 93%</option><option title="Beta" value="u3">Beta</option></select><span class="org-percent text-critical">93%</span></div>',
    ];
    for (const [i, n] of [2, 3].entries()) {
      const { container } = show(plain.slice(0, n), 'u2', { u1: 40, u2: 93 });
      expect(markup(container)).toBe(before[i]);
      cleanup();
    }
  });
});
