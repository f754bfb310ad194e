import { describe, expect, it } from 'vitest';
import {
  dragView,
  hitPoints,
  MIN_VIEW_MS,
  resetMarkers,
  zoomView,
} from '../../../lib/chart/dashboard-chart';
import type { UsageWindow } from '../../../lib/history/windows';

const H = 3_600_000;
const bounds = { min: 0, max: 100 * H };

describe('zoomView', () => {
  it('halves the view around the centre, keeping the centre where it was on screen', () => {
    expect(zoomView(bounds, 25 * H, 0.5, bounds)).toEqual({ min: 12.5 * H, max: 62.5 * H });
  });

  it('stays inside the range and never zooms out past it', () => {
    expect(zoomView({ min: 80 * H, max: 100 * H }, 99 * H, 4, bounds)).toEqual({
      min: 20 * H,
      max: 100 * H,
    });
    expect(zoomView({ min: 10 * H, max: 60 * H }, 30 * H, 8, bounds)).toEqual(bounds);
  });

  it('stops at half an hour across', () => {
    const view = zoomView({ min: 0, max: H }, 0.5 * H, 0.01, bounds);
    expect(view.max - view.min).toBe(MIN_VIEW_MS);
  });
});

describe('dragView', () => {
  it('selects the dragged span either way round, clipped to the view', () => {
    expect(dragView(30 * H, 10 * H, bounds)).toEqual({ min: 10 * H, max: 30 * H });
    expect(dragView(-5 * H, 2 * H, bounds)).toEqual({ min: 0, max: 2 * H });
  });

  it('takes a click, or a drag under half an hour, for no zoom', () => {
    expect(dragView(10 * H, 10 * H + MIN_VIEW_MS - 1, bounds)).toBeNull();
  });
});

describe('markers', () => {
  it('rings the points at or over 100 %', () => {
    const points = [
      { x: 1, y: 99 },
      { x: 2, y: 100 },
      { x: 3, y: 104 },
    ];
    expect(hitPoints({ id: 's', label: 's', points })).toEqual(points.slice(1));
  });

  it('marks the resets inside the range that have happened', () => {
    const window = (limitId: string, end: number) => ({ limitId, end }) as UsageWindow;
    const markers = resetMarkers(
      [
        window('session', 5 * H),
        window('session', 10 * H),
        window('weekly', 200 * H),
        window('session', -H),
      ],
      0,
      100 * H,
      8 * H,
    );
    expect([...markers.entries()]).toEqual([['session', [{ x: 5 * H, y: 0 }]]]);
  });
});
