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
        <UsageRow limit={fakeLimit()} level="ok" now={T0} />
      </ul>,
    );
    const countdown = screen.getByText('Resets in 2 h 11 min', { exact: false });
    expect(countdown.getAttribute('tabindex')).toBe('0');
    expect(countdown.getAttribute('title')).toBeTruthy();
    // The clock time is there without hovering, beside the time left.
    expect(countdown.textContent).toMatch(/^Resets in 2 h 11 min · \S*\d{2}:\d{2}/);
  });

  it('says a reached limit is back at its reset, with the time left', () => {
    render(
      <ul>
        <UsageRow
          limit={fakeLimit({ percent: 100, resetsAt: T0 + 47 * 60_000 })}
          level="critical"
          now={T0}
          outlook={{ elapsedPercent: 80 }}
        />
      </ul>,
    );
    expect(screen.getByText(/^Limit reached · back at .+ \(in 47 min\)$/)).toBeTruthy();
    expect(document.querySelector('.bar-marker')).toBeNull();
  });

  it('gives the forecast only for a limit at risk, in relative terms', () => {
    const limit = fakeLimit({ resetsAt: T0 + 4 * 3600_000 + 38 * 60_000 });
    const { rerender } = render(
      <ul>
        <UsageRow limit={limit} level="warn" now={T0} outlook={{ runsOutAt: T0 + 4 * 3600_000 }} />
      </ul>,
    );
    expect(screen.getByText('runs out in ~4 h, 38 min before reset')).toBeTruthy();
    rerender(
      <ul>
        <UsageRow limit={limit} level="ok" now={T0} outlook={{ lasts: true }} />
      </ul>,
    );
    expect(screen.queryByText(/runs out/)).toBeNull();
  });

  it('puts the pace marker at the elapsed time and says "ahead" only when ahead', () => {
    const { rerender } = render(
      <ul>
        <UsageRow limit={fakeLimit()} level="ok" now={T0} outlook={{ elapsedPercent: 50 }} />
      </ul>,
    );
    const marker = document.querySelector<HTMLElement>('.bar-marker')!;
    expect(marker.style.left).toBe('50%');
    expect(screen.queryByText(/ahead of pace/)).toBeNull();
    rerender(
      <ul>
        <UsageRow
          limit={fakeLimit({ percent: 62 })}
          level="ok"
          now={T0}
          outlook={{ elapsedPercent: 50, aheadBy: 12 }}
        />
      </ul>,
    );
    expect(screen.getByText('ahead of pace by 12 points')).toBeTruthy();
  });
});
