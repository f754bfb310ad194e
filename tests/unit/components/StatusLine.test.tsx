// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusLine, type StatusLineProps } from '../../../components/StatusLine';
import type { FailureKind } from '../../../lib/usage/types';

const NOW = Date.parse('2026-09-05T12:00:00Z');

function show(props: Partial<StatusLineProps>) {
  render(
    <StatusLine
      failure={null}
      lastSuccessAt={NOW - 90_000}
      nextPollAt={NOW + 120_000}
      stale={false}
      refreshing={false}
      now={NOW}
      {...props}
    />,
  );
  return screen.getByRole('status');
}

const fail = (kind: FailureKind, extra: object = {}) => ({ kind, at: NOW - 1000, ...extra });

afterEach(cleanup);

describe('StatusLine', () => {
  it('says on a line of its own that history is not being saved, keeping the freshness', () => {
    const line = show({ storeFailing: true });
    expect(line.textContent).toMatch(/^Updated 2 min\.? ago/);
    expect(line.textContent).toContain('History is not being saved');
    cleanup();
    expect(show({ storeFailing: false }).textContent).not.toContain('History');
  });

  it('says which alert channel is failing, or how many, with a way to the options page', () => {
    let opened = 0;
    const line = show({
      failingChannels: [{ name: 'Phone', error: 'HTTP 401' }],
      onOpenOptions: () => opened++,
    });
    expect(line.textContent).toContain('Alerts to “Phone” are failing: HTTP 401.');
    expect(line.classList.contains('status-problem')).toBe(true);
    screen.getByRole('button', { name: 'Check channels' }).click();
    expect(opened).toBe(1);
    cleanup();
    const two = show({
      failingChannels: [
        { name: 'Phone', error: 'HTTP 401' },
        { name: 'Team', error: 'HTTP 500' },
      ],
    });
    expect(two.textContent).toContain('Alerts to 2 channels are failing.');
    cleanup();
    expect(show({ failingChannels: [] }).textContent).not.toContain('Alerts');
  });

  it('says how fresh the numbers are', () => {
    expect(show({}).textContent).toMatch(/^Updated 2 min\. ago$|^Updated 2 min ago$/);
  });

  it.each([
    ['signed_out', /Signed out of claude\.ai\. Sign in to claude\.ai/],
    ['no_access', /needs access to claude\.ai\. Allow access/],
    ['challenge', /wants to check your browser.*Open claude\.ai/],
    ['org_forbidden', /refused this organisation.*Open claude\.ai/],
    ['no_chat_org', /No Claude chat organisation/],
    ['rate_limited', /Rate limited by claude\.ai · retrying at/],
    ['network', /^Offline · showing data from/],
    ['timeout', /did not answer · showing data from .* · retrying at/],
    ['server', /had a problem · showing data from .* · retrying at/],
    ['bad_payload', /could not read · showing data from/],
    [
      'region_blocked',
      /^claude\.ai is not available from this network or region \(often a VPN exit\) · showing data from .* · retrying at/,
    ],
  ] as const)('explains %s in plain words', (kind, text) => {
    const status = show({ failure: fail(kind) });
    expect(status.textContent).toMatch(text);
    expect(status.textContent).not.toMatch(/NaN|undefined|null/);
  });

  it('links to sign in when signed out', () => {
    show({ failure: fail('signed_out') });
    expect(screen.getByRole('link', { name: 'Sign in to claude.ai' }).getAttribute('href')).toBe(
      'https://claude.ai/login',
    );
  });

  it('retries at the Retry-After time when rate limited', () => {
    const retryAt = NOW + 5 * 60_000;
    const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(
      retryAt,
    );
    expect(show({ failure: fail('rate_limited', { retryAt }) }).textContent).toContain(
      `retrying at ${clock}`,
    );
  });

  it('says the numbers are stale when no poll has worked for a while', () => {
    expect(show({ stale: true }).textContent).toMatch(/^Stale · showing data from/);
  });

  it('says it is refreshing while a refresh runs', () => {
    expect(show({ refreshing: true }).textContent).toBe('Refreshing…');
  });

  it('says it is reading before the first reading', () => {
    expect(show({ lastSuccessAt: null }).textContent).toBe('Reading your usage…');
  });
});
