import { orgTitle } from '../accounts/accounts';
import type { Notice } from '../alerts/state';
import { t } from '../display/i18n';
import type { OrgsState } from '../settings';
import type { Reading } from '../usage/types';
import { ROUTED_EVENTS, type AlertPayload, type RoutedEvent } from './types';

/** The routed rule a notice belongs to, or null (the desktop test notice is not routed). */
export function routedEvent(notice: Pick<Notice, 'kind'>): RoutedEvent | null {
  return (ROUTED_EVENTS as readonly string[]).includes(notice.kind)
    ? (notice.kind as RoutedEvent)
    : null;
}

/**
 * What a channel is told about a notice: its words, and the limit, percent, reset time and
 * organisation it concerns, read from the latest readings (the notice's `key` is `orgId|limitId`).
 * Pure.
 */
export function payloadOf(
  notice: Notice,
  event: RoutedEvent,
  latest: Record<string, Reading>,
  orgs: OrgsState,
): AlertPayload {
  const [orgId = '', limitId] = notice.key?.split('|') ?? [];
  const limit = limitId ? latest[orgId]?.limits.find((l) => l.id === limitId) : undefined;
  const org = orgs.list.find((o) => o.uuid === orgId) ?? orgs.gone?.find((o) => o.uuid === orgId);
  return {
    event,
    title: notice.title,
    message: notice.message,
    limit: limit?.label ?? '',
    percent: limit ? Math.round(limit.percent) : null,
    resetsAt: limit?.resetsAt ? new Date(limit.resetsAt).toISOString() : '',
    organization: org ? orgTitle(org) : '',
  };
}

/** What "Send test" sends: every placeholder filled, so a template can be checked end to end. */
export function testPayload(): AlertPayload {
  return {
    event: 'test',
    title: t('notifyTitle'),
    message: t('chTestMessage'),
    limit: t('limitSession'),
    percent: 0,
    resetsAt: '',
    organization: '',
  };
}
