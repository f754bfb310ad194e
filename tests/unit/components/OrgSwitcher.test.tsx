// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrgSwitcher } from '../../../components/OrgSwitcher';
import { levelOf } from '../../../lib/display/levels';
import type { Org } from '../../../lib/usage/types';

afterEach(cleanup);

const orgs = (n: number): Org[] =>
  Array.from({ length: n }, (_, i) => ({
    uuid: `org-${i}`,
    name: `Organisation with a long name ${i + 1}`,
    plan: 'Team',
  }));
const level = (p: number) => levelOf(p, { warnAt: 75, criticalAt: 90 });

describe('OrgSwitcher', () => {
  it('shows nothing for a single organisation (the heading names it)', () => {
    const { container } = render(
      <OrgSwitcher
        orgs={orgs(1)}
        selected="org-0"
        tightest={{}}
        levelOf={level}
        onSelect={vi.fn()}
      />,
    );
    expect(container.childNodes).toHaveLength(0);
  });

  it('puts two side by side with their tightest percent coloured by level, full name in a tip', () => {
    const onSelect = vi.fn();
    render(
      <OrgSwitcher
        orgs={orgs(2)}
        selected="org-0"
        tightest={{ 'org-0': 40, 'org-1': 93 }}
        levelOf={level}
        onSelect={onSelect}
      />,
    );
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(2);
    expect(buttons[0]!.getAttribute('aria-pressed')).toBe('true');
    expect(buttons[1]!.querySelector('.org-percent')!.className).toContain('text-critical');
    expect(buttons[1]!.querySelector('.org-tip')!.textContent).toBe(
      'Organisation with a long name 2',
    );
    // The plan is said once, beside the status, not on every button.
    expect(buttons[0]!.textContent).not.toContain('Team');
    fireEvent.click(buttons[1]!);
    expect(onSelect).toHaveBeenCalledWith('org-1');
  });

  it('lists many in a select that shows every name', () => {
    const onSelect = vi.fn();
    render(
      <OrgSwitcher
        orgs={orgs(15)}
        selected="org-3"
        tightest={{ 'org-3': 80 }}
        levelOf={level}
        onSelect={onSelect}
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Organisations' }) as HTMLSelectElement;
    expect(select.options).toHaveLength(15);
    expect([...select.options].map((o) => o.textContent)).toContain(
      'Organisation with a long name 15 · Team',
    );
    expect(select.value).toBe('org-3');
    expect(document.querySelector('.org-percent')!.className).toContain('text-warn');
    fireEvent.change(select, { target: { value: 'org-9' } });
    expect(onSelect).toHaveBeenCalledWith('org-9');
  });
});
