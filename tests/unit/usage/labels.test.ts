import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSnapshotRepo, openUsageDb, type Snapshot } from '../../../lib/storage/db';
import { historyRepo } from '../../../lib/storage/history-repo';
import { limitLabel, withLabels } from '../../../lib/usage/labels';
import { parseUsage } from '../../../lib/usage/parse';

const german = JSON.parse(
  readFileSync(new URL('../../fixtures/readings-de-v1.json', import.meta.url), 'utf8'),
) as { readings: Snapshot[] };

describe('limit labels, made when shown', () => {
  it('names each known limit in the reader’s language, models by their own name', () => {
    expect(limitLabel({ id: 'session', label: 'x' })).toBe('5-hour session');
    expect(limitLabel({ id: 'weekly', label: 'x' })).toBe('Weekly (all models)');
    expect(limitLabel({ id: 'other:oauth_apps', label: 'x' })).toBe('Weekly · OAuth apps');
    expect(limitLabel({ id: 'weekly:opus', label: 'x' })).toBe('Weekly · Opus');
    expect(limitLabel({ id: 'weekly:nova-2', label: 'x', name: 'Nova 2' })).toBe('Weekly · Nova 2');
  });

  it('keeps the stored label of a limit it cannot name again', () => {
    expect(limitLabel({ id: 'weekly:haiku', label: 'Wöchentlich · Haiku' })).toBe(
      'Wöchentlich · Haiku',
    );
  });

  it('keeps the name claude.ai gave a model, so the label can be made again', () => {
    const parsed = parseUsage({
      five_hour: { utilization: 10, resets_at: null },
      seven_day: { utilization: 20, resets_at: null },
      limits: [{ kind: 'weekly_scoped', percent: 5, scope: { model: { display_name: 'Nova 2' } } }],
    });
    expect(parsed.ok && parsed.limits.map((l) => [l.id, l.name, l.label])).toEqual([
      ['session', undefined, '5-hour session'],
      ['weekly', undefined, 'Weekly (all models)'],
      ['weekly:nova-2', 'Nova 2', 'Weekly · Nova 2'],
    ]);
  });

  it('relabels readings stored in another language when they are read', async () => {
    const raw = createSnapshotRepo(await openUsageDb());
    await raw.addMany(german.readings);
    const [reading] = await (await historyRepo()).range(german.readings[0]!.orgId, 0, Date.now());
    expect(reading!.limits.map((l) => l.label)).toEqual([
      '5-hour session',
      'Weekly (all models)',
      'Weekly · Opus',
      'Weekly · OAuth apps',
      'Weekly · Claude Design',
      'Wöchentlich · Haiku',
    ]);
    // Percents, resets and ids are untouched.
    expect(reading!.limits.map((l) => [l.id, l.percent, l.resetsAt])).toEqual(
      german.readings[0]!.limits.map((l) => [l.id, l.percent, l.resetsAt]),
    );
    expect((await (await historyRepo()).all())[0]!.limits[0]!.label).toBe('5-hour session');
  });

  it('relabels a long history, every reading', () => {
    const readings = Array.from({ length: 1000 }, (_, i) => ({
      ...structuredClone(german.readings[0]!),
      at: i,
    }));
    expect(withLabels(readings).every((r) => r.limits[2]!.label === 'Weekly · Opus')).toBe(true);
  });
});
