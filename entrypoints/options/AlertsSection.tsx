import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { routedAnywhere, setRoute, type RouteTarget } from '@/lib/channels/routing';
import { routesItem } from '@/lib/storage/items';
import { DEFAULT_ROUTES, type AlertRoutes, type RoutedEvent } from '@/lib/channels/types';
import { t } from '@/lib/display/i18n';
import { orgsItem } from '@/lib/storage/items';
import type { Org } from '@/lib/usage/types';
import { AlertRoutesTable } from './AlertRoutesTable';
import { AudienceLevels } from './AudienceLevels';
import { Check, describedBy, Field } from './fields';
import { NumberField, type SettingsForm } from './form';
import { ThresholdChips } from './ThresholdChips';
import { askWorker } from '@/lib/messages';

const RULE_FLAGS = ['limitReached', 'resetAlerts', 'forecast'] as const;

/**
 * What to watch and when to speak (limits, warning levels, cooldown, quiet hours), and where each
 * alert goes. The rules serve the desktop and the channels alike: greyed only when nothing listens.
 */
export function AlertsSection({ form }: { form: SettingsForm }) {
  const { settings, update, errors } = form;
  const n = settings.notifications;
  const [routes, setRoutes] = useState<AlertRoutes>(DEFAULT_ROUTES);
  const [testResult, setTestResult] = useState('');
  const [orgs, setOrgs] = useState<Org[]>([]);
  useEffect(() => {
    void routesItem.getValue().then(setRoutes);
    void orgsItem.getValue().then((o) => setOrgs(o.list));
    const unwatchOrgs = orgsItem.watch((o) => setOrgs(o?.list ?? []));
    const unwatchRoutes = routesItem.watch((next) => setRoutes(next ?? DEFAULT_ROUTES));
    return () => {
      unwatchOrgs();
      unwatchRoutes();
    };
  }, []);

  const listening = n.enabled || routes.channels.some((c) => c.enabled);
  const resetsSaid = routedAnywhere(n, routes, 'reset');
  const unusedOn = listening && n.useItOrLoseIt.enabled;

  async function toggle(event: RoutedEvent, target: RouteTarget, on: boolean) {
    const next = setRoute(n, routes, event, target, on);
    setRoutes(next.routes);
    // Routes first: until the rule switch follows, the event still goes nowhere new.
    await routesItem.setValue(next.routes);
    for (const flag of RULE_FLAGS)
      if (next.rules[flag] !== n[flag]) update(`notifications.${flag}`, next.rules[flag]);
  }

  return (
    <section id="alerts" aria-labelledby="alerts-h">
      <h2 id="alerts-h">{t('optSecAlerts')}</h2>

      <fieldset disabled={!listening}>
        <legend>{t('optForLimits')}</legend>
        <Check
          id="n.session"
          label={t('limitSession')}
          checked={n.kinds.session}
          onChange={(v) => update('notifications.kinds.session', v)}
        />
        <Check
          id="n.weekly"
          label={t('limitWeekly')}
          checked={n.kinds.weekly}
          onChange={(v) => update('notifications.kinds.weekly', v)}
        />
        <Check
          id="n.model"
          label={t('optWeeklyModels')}
          checked={n.kinds.weekly_model}
          onChange={(v) => update('notifications.kinds.weekly_model', v)}
        />
      </fieldset>
      <ThresholdChips
        levels={n.thresholds}
        disabled={!listening}
        onChange={(levels) => update('notifications.thresholds', levels)}
      />

      <h3 id="routes-h">{t('chRoutesCaption')}</h3>
      <Check
        id="n.enabled"
        label={t('optNotifyEnabled')}
        checked={n.enabled}
        onChange={(v) => update('notifications.enabled', v)}
      />
      <AlertRoutesTable rules={n} routes={routes} onToggle={(...a) => void toggle(...a)} />
      <p class="hint">{t('optRoutesHint')}</p>
      <AudienceLevels
        global={n}
        routes={routes}
        orgs={orgs}
        disabled={!listening}
        onChange={(next) => {
          setRoutes(next);
          void routesItem.setValue(next);
        }}
      />

      <h3>{t('optWhenToSpeak')}</h3>
      <NumberField
        form={form}
        path="notifications.resetAfterPercent"
        label={t('optResetOnlyAfter')}
        hint={resetsSaid ? t('optResetOnlyAfterHint') : t('optResetOffHint')}
        value={n.resetAfterPercent}
        disabled={!listening || !resetsSaid}
      />
      <NumberField
        form={form}
        path="notifications.cooldownHours"
        label={t('optCooldown')}
        value={n.cooldownHours}
        disabled={!listening}
      />
      <Check
        id="n.unused"
        label={t('optUnused')}
        checked={n.useItOrLoseIt.enabled}
        disabled={!listening}
        onChange={(v) => update('notifications.useItOrLoseIt.enabled', v)}
      />
      <div class="inline">
        <NumberField
          form={form}
          path="notifications.useItOrLoseIt.hoursBefore"
          label={t('optUnusedHours')}
          value={n.useItOrLoseIt.hoursBefore}
          disabled={!unusedOn}
        />
        <NumberField
          form={form}
          path="notifications.useItOrLoseIt.belowPercent"
          label={t('optUnusedBelow')}
          value={n.useItOrLoseIt.belowPercent}
          disabled={!unusedOn}
        />
      </div>
      <p class="hint">{t('optUnusedHint')}</p>
      <Check
        id="n.quiet"
        label={t('optQuietHours')}
        checked={n.quietHours.enabled}
        disabled={!listening}
        onChange={(v) => update('notifications.quietHours.enabled', v)}
      />
      <div class="inline">
        {(['start', 'end'] as const).map((end) => {
          const path = `notifications.quietHours.${end}`;
          return (
            <Field
              key={end}
              id={path}
              label={end === 'start' ? t('optQuietFrom') : t('optQuietUntil')}
              error={errors[path]}
            >
              <input
                type="time"
                {...describedBy(path, errors[path])}
                disabled={!listening || !n.quietHours.enabled}
                value={n.quietHours[end]}
                onChange={(e) => update(path, e.currentTarget.value)}
              />
            </Field>
          );
        })}
      </div>

      <p>
        <button
          type="button"
          onClick={() =>
            void askWorker(browser, { type: 'test-notification' })
              .then(() => setTestResult(t('optTestSent')))
              .catch(() => setTestResult(t('optTestFailed')))
          }
        >
          {t('optSendTest')}
        </button>{' '}
        <span role="status">{testResult}</span>
      </p>
    </section>
  );
}
