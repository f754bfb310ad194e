// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageRow } from '../../../components/UsageRow';
import { fakeLimit, T0 } from '../support/builders';

afterEach(cleanup);

describe('UsageRow', () => {
  it('is a labelled progressbar with the rounded percent', () => {
    render(
      <ul>
        <UsageRow limit={fakeLimit({ percent: 47.6 })} level="ok" now={T0} />
      </ul>,
    );
    const bar = screen.getByRole('progressbar', { name: '5-hour session' });
    expect(bar.getAttribute('aria-valuenow')).toBe('48');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(screen.getByText('Resets in 2 h 11 min', { exact: false })).toBeTruthy();
  });

  it('shows the raw value over 100 and clamps the bar', () => {
    render(
      <ul>
        <UsageRow limit={fakeLimit({ percent: 130 })} level="critical" now={T0} />
      </ul>,
    );
    expect(screen.getByText('130%')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(screen.getByRole('progressbar').className).toContain('level-critical');
  });

  it('says a window has not started instead of counting down', () => {
    render(
      <ul>
        <UsageRow limit={fakeLimit({ percent: 0, resetsAt: null })} level="ok" now={T0} />
      </ul>,
    );
    expect(screen.getByText('Not started')).toBeTruthy();
  });

  it('makes the countdown focusable and gives the exact reset time', () => {
    render(
      <ul>
        <UsageRow limit={fakeLimit()} level="ok" now={T0} hints={['On pace to last until reset']} />
      </ul>,
    );
    const countdown = screen.getByText('Resets in 2 h 11 min', { exact: false });
    expect(countdown.getAttribute('tabindex')).toBe('0');
    expect(countdown.getAttribute('title')).toBeTruthy();
    expect(screen.getByText('On pace to last until reset')).toBeTruthy();
  });
});
