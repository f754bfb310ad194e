import { t } from '../display/i18n';
import type { Limit, Reading } from './types';

/** Product and model names we give limits whose payload key names them (kept as they are). */
const NAMES: Record<string, string> = {
  'weekly:opus': 'Opus',
  'weekly:sonnet': 'Sonnet',
  'weekly:fable': 'Fable',
  'other:cowork': 'Cowork',
  'other:routines': 'Routines',
  'surface:design': 'Claude Design',
};

/**
 * A limit's label in the language of the page showing it, made from its id and the name claude.ai
 * gave it ("Weekly · Opus"), so history read after a language change, or imported from another
 * browser, speaks one language. A limit we cannot name again (an old reading of a model we no
 * longer know) keeps the label it was stored with.
 */
export function limitLabel(limit: Pick<Limit, 'id' | 'label' | 'name'>): string {
  if (limit.id === 'session') return t('limitSession');
  if (limit.id === 'weekly') return t('limitWeekly');
  if (limit.id === 'other:oauth_apps') return t('limitWeeklyNamed', t('limitSurfaceOauthApps'));
  const name = limit.name ?? NAMES[limit.id];
  return name ? t('limitWeeklyNamed', name) : limit.label;
}

/**
 * Readings as stored, labelled in today's language. Readings fresh from the database are copies,
 * so they are relabelled in place; a year of history has a handful of distinct limits, so each
 * label is made once per call.
 */
export function withLabels<R extends Reading>(readings: R[]): R[] {
  const made = new Map<string, string>();
  for (const reading of readings) {
    for (const limit of reading.limits) {
      const key = `${limit.id}\u0000${limit.name ?? ''}\u0000${limit.label}`;
      let label = made.get(key);
      if (label === undefined) made.set(key, (label = limitLabel(limit)));
      limit.label = label;
    }
  }
  return readings;
}
