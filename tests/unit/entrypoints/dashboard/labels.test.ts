import { describe, expect, it } from 'vitest';
import {
  hourName,
  periodPhrase,
  rangeLabel,
  weekdayName,
  whenParts,
} from '../../../../entrypoints/dashboard/labels';
import type { RangeId } from '../../../../lib/chart/dashboard-ranges';

describe('dashboard labels', () => {
  it('names weekdays from Monday, long and short', () => {
    expect([0, 1, 6].map((d) => weekdayName(d))).toEqual(['Monday', 'Tuesday', 'Sunday']);
    expect(weekdayName(4, 'short')).toBe('Fri');
  });

  it('names an hour of the day, whatever the time zone', () => {
    expect(hourName(0)).toMatch(/^(00:00|12:00\sAM)$/);
    expect(hourName(14)).toMatch(/^(14:00|2:00\sPM)$/);
  });

  it.each<[RangeId, string, string]>([
    ['6h', '6 h', 'in the last 6 hours'],
    ['24h', '24 h', 'in the last 24 hours'],
    ['7d', '7 d', 'in the last 7 days'],
    ['30d', '30 d', 'in the last 30 days'],
    ['90d', '90 d', 'in the last 90 days'],
    ['1y', '1 y', 'in the last year'],
  ])('labels the range %s as "%s", "%s"', (id, label, phrase) => {
    expect(rangeLabel(id)).toBe(label);
    expect(periodPhrase(id)).toBe(phrase);
  });

  it('leaves out the date of a time on the same day as the row already names', () => {
    const start = new Date(2026, 8, 7, 9, 0).getTime();
    const sameDay = new Date(2026, 8, 7, 14, 0).getTime();
    const nextDay = new Date(2026, 8, 8, 1, 0).getTime();
    expect(whenParts(sameDay, start).date).toBeNull();
    expect(whenParts(nextDay, start).date).not.toBeNull();
    expect(whenParts(sameDay).date).not.toBeNull();
    expect(whenParts(sameDay, start).time).toMatch(/14|2/);
  });
});
