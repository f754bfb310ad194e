import { orgTitle } from '@/lib/accounts/accounts';
import { UsageRow } from '@/components/UsageRow';
import { formatAgo } from '@/lib/display/format';
import { seriesSlots } from '@/lib/display/palette';
import { levelWithRisk } from '@/lib/forecast/risk';
import { t } from '@/lib/display/i18n';
import { levelOf, type LevelThresholds } from '@/lib/display/levels';
import type { Org, Reading } from '@/lib/usage/types';
import type { Recent } from './history';

export interface CardsProps {
  orgs: Org[];
  latest: Record<string, Reading>;
  /** The last day of readings per organisation and the forecast; absent until both load. */
  recent: Recent | null;
  thresholds: LevelThresholds;
  now: number;
}

/** One card per organisation: its name, plan and every limit with its bar, countdown and forecast. */
export function Cards({ orgs, latest, recent, thresholds, now }: CardsProps) {
  if (orgs.length === 0) return <p class="empty">{t('dashNoOrgs')}</p>;
  return (
    <div class="dash-cards">
      {orgs.map((org) => {
        const reading = latest[org.uuid];
        const history = recent?.byOrg[org.uuid];
        // The same colour per limit as the popup's rows and chart.
        const slots = seriesSlots(reading?.limits.map((l) => l.id) ?? []);
        return (
          <section class="dash-card" key={org.uuid} aria-labelledby={`card-${org.uuid}`}>
            <header class="dash-card-head">
              <h2 id={`card-${org.uuid}`}>{orgTitle(org)}</h2>
              {org.plan && <span class="plan">{org.plan}</span>}
            </header>
            {reading && reading.limits.length > 0 ? (
              <ul class="rows" aria-label={t('popupLimits')}>
                {reading.limits.map((limit) => {
                  const outlook =
                    history && recent ? recent.outlookOf(limit, history, now) : undefined;
                  return (
                    <UsageRow
                      key={limit.id}
                      limit={limit}
                      level={levelWithRisk(levelOf(limit.percent, thresholds), outlook)}
                      now={now}
                      outlook={outlook}
                      slot={slots[limit.id]}
                    />
                  );
                })}
              </ul>
            ) : (
              <p class="empty">{reading ? t('popupNoLimitsPlan') : t('statusReading')}</p>
            )}
            {reading && (
              <p class="dash-card-foot">{t('dashUpdated', formatAgo(reading.at, now))}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
