// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createPageMeter, type PageMeterProps } from '../../../components/page-meter-view';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { fakeLimit, fakeReading, ORG, T0 } from '../support/builders';

afterEach(() => document.body.replaceChildren());

/** The meter drawn into a container in the document, as the content script draws it. */
function render(first: PageMeterProps) {
  const container = document.body.appendChild(document.createElement('div'));
  const view = createPageMeter(container);
  view.update(first);
  return { container, rerender: (next: PageMeterProps) => view.update(next) };
}

function props(over: Partial<PageMeterProps> = {}): PageMeterProps {
  return {
    org: { uuid: ORG, name: 'Mine', plan: 'Max 5x' },
    reading: fakeReading(30, 10),
    status: { lastSuccessAt: T0, lastError: null },
    failure: null,
    stale: false,
    nextPollAt: null,
    thresholds: DEFAULT_SETTINGS.badge,
    now: T0,
    floating: false,
    verdict: () => null,
    outlooks: {},
    onDetails: () => undefined,
    onClose: () => undefined,
    ...over,
  };
}

describe('PageMeter', () => {
  it('draws the session and weekly limits as labelled bars with their percents', () => {
    render(props());
    expect(
      screen.getByRole('progressbar', { name: '5-hour session' }).getAttribute('aria-valuenow'),
    ).toBe('30');
    expect(
      screen
        .getByRole('progressbar', { name: 'Weekly (all models)' })
        .getAttribute('aria-valuenow'),
    ).toBe('10');
  });

  it('colours a limit that runs out before its reset at least amber, as the popup does', () => {
    const { container, rerender } = render(props());
    expect(container.querySelector('.mini.level-ok')).toBeTruthy();
    expect(container.querySelector('.mini.level-warn')).toBeNull();
    rerender(props({ outlooks: { session: { runsOutAt: T0 + 30 * 60_000 } } }));
    expect(container.querySelectorAll('.mini.level-warn')).toHaveLength(1);
  });

  it('opens every limit, the verdict and the status from the keyboard, without a click', () => {
    const verdict = {
      kind: 'lasts',
      tone: 'ok',
      text: 'All limits last until reset at this pace',
    } as const;
    const reading = fakeReading(30, 10);
    reading.limits.push(
      fakeLimit({ id: 'weekly:fable', kind: 'weekly_model', label: 'Weekly · Fable', percent: 52 }),
    );
    render(props({ reading, verdict: () => verdict }));
    expect(screen.queryByText(verdict.text)).toBeNull();
    fireEvent.focusIn(screen.getByRole('button', { name: 'Show every limit' }));
    expect(screen.getByText(verdict.text)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Weekly · Fable' })).toBeTruthy();
    // The Fable cap binds before the weekly limit: a dot says so in the strip.
    expect(screen.getByRole('img', { name: /Weekly · Fable 52/ })).toBeTruthy();
  });

  it('looks not current after a failure, keeping the numbers', () => {
    const { container } = render(props({ failure: { kind: 'server', status: 503, at: T0 } }));
    expect(container.querySelector('.meter.not-current')).toBeTruthy();
    expect(
      screen.getByRole('progressbar', { name: '5-hour session' }).getAttribute('aria-valuenow'),
    ).toBe('30');
  });

  it('keeps the focused toggle, and the open panel, across a new reading', () => {
    const { container, rerender } = render(props());
    const toggle = container.querySelector<HTMLButtonElement>('.toggle')!;
    toggle.focus();
    expect(container.querySelector('.panel')).toBeTruthy();
    rerender(props({ reading: fakeReading(55, 12), now: T0 + 60_000 }));
    expect(document.activeElement).toBe(toggle);
    expect(container.querySelector('.panel')).toBeTruthy();
    const bars = screen.getAllByRole('progressbar', { name: '5-hour session' });
    expect(bars.map((b) => b.getAttribute('aria-valuenow'))).toEqual(['55', '55']);
  });
});
