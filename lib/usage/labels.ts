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

/** Gives a limit its label in today's language; made by `labeller`. */
export type Labeller = (limit: Pick<Limit, 'id' | 'label' | 'name'>) => string;

/**
 * `limitLabel`, remembering each label it made: a year of history has a handful of distinct
 * limits (by id, name and stored label) among its 50,000, and no key is built per limit.
 */
export function labeller(): Labeller {
  const made = new Map<string, Map<string, Map<string, string>>>();
  return (limit) => {
    let byName = made.get(limit.id);
    if (!byName) made.set(limit.id, (byName = new Map()));
    const name = limit.name ?? '';
    let byLabel = byName.get(name);
    if (!byLabel) byName.set(name, (byLabel = new Map()));
    let label = byLabel.get(limit.label);
    if (label === undefined) byLabel.set(limit.label, (label = limitLabel(limit)));
    return label;
  };
}

/** Readings as stored, labelled in today's language: fresh from the database, so in place. */
export function withLabels<R extends Reading>(readings: R[], label: Labeller = labeller()): R[] {
  for (const reading of readings) for (const limit of reading.limits) limit.label = label(limit);
  return readings;
}
