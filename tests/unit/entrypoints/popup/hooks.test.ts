// @vitest-environment happy-dom
import { renderHook } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTheme, useTicks } from '../../../../entrypoints/popup/hooks';
import { fakeLimit } from '../../support/builders';

describe('useTheme', () => {
  it('sets the chosen theme on the page, and follows the system again when asked', () => {
    const { rerender } = renderHook(({ theme }) => useTheme(theme), {
      initialProps: { theme: 'dark' as 'dark' | 'system' },
    });
    expect(document.documentElement.dataset.theme).toBe('dark');
    rerender({ theme: 'system' });
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});

describe('useTicks', () => {
  afterEach(() => void vi.useRealTimers());

  it('wakes at the next retry when it comes before the minute', () => {
    vi.useFakeTimers();
    const now = Date.now();
    const setNow = vi.fn();
    renderHook(() => useTicks([], now + 10_000, now, setNow));
    vi.advanceTimersByTime(10_004);
    expect(setNow).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(setNow).toHaveBeenCalledTimes(1);
  });

  it('wakes at least once a minute, even with nothing counting down', () => {
    vi.useFakeTimers();
    const now = Date.now();
    const setNow = vi.fn();
    renderHook(() => useTicks([fakeLimit({ resetsAt: null })], null, now, setNow));
    vi.advanceTimersByTime(60_004);
    expect(setNow).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(setNow).toHaveBeenCalledTimes(1);
  });

  it('stops its timer when the popup goes', () => {
    vi.useFakeTimers();
    const setNow = vi.fn();
    const { unmount } = renderHook(() => useTicks([], null, Date.now(), setNow));
    unmount();
    vi.advanceTimersByTime(120_000);
    expect(setNow).not.toHaveBeenCalled();
  });
});
