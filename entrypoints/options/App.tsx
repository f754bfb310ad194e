import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { routesItem } from '@/lib/channels/store';
import type { AlertRoutes } from '@/lib/channels/types';
import { t } from '@/lib/i18n';
import { orgsItem, DEFAULT_SETTINGS, settingsItem, type Settings } from '@/lib/settings';
import { validateSettings } from '@/lib/settings-validate';
import type { Org } from '@/lib/usage/types';
import { ChannelsPanel } from './ChannelsPanel';
import { DataPanel } from './DataPanel';
import { Check, describedBy, Field } from './fields';

/** `settings` with the value at a dotted path replaced. */
function withPath(settings: Settings, path: string, value: unknown): Settings {
  const copy = structuredClone(settings) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
  return copy as unknown as Settings;
}

const toNumber = (text: string) => (text.trim() === '' ? NaN : Number(text));
const toList = (text: string) =>
  text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);

export function App({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [testResult, setTestResult] = useState('');

  useEffect(() => settingsItem.watch((next) => setSettings(next ?? DEFAULT_SETTINGS)), []);
  useEffect(() => void orgsItem.getValue().then((o) => setOrgs(o.list)), []);
  // The alert rules below serve the desktop and the channels: greyed only when nothing listens.
  const [channelsOn, setChannelsOn] = useState(false);
  useEffect(() => {
    const listen = (routes: AlertRoutes | null) =>
      setChannelsOn(!!routes?.channels.some((c) => c.enabled));
    void routesItem.getValue().then(listen);
    return routesItem.watch(listen);
  }, []);
  useEffect(() => {
    if (settings.theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);

  /** Save a change only when the whole result is valid; otherwise say why beside the field. */
  function update(path: string, value: unknown, draft?: string) {
    if (draft !== undefined) setDrafts((d) => ({ ...d, [path]: draft }));
    const candidate = withPath(settings, path, value);
    const problem = validateSettings(candidate)[path];
    setErrors((e) => {
      const { [path]: _old, ...rest } = e;
      return problem ? { ...rest, [path]: problem } : rest;
    });
    if (problem || Object.keys(validateSettings(candidate)).length > 0) return;
    setSettings(candidate);
    void settingsItem.setValue(candidate);
  }

  const text = (path: string, shown: string | number) => drafts[path] ?? String(shown);
  const numberField = (path: string, label: string, value: number, hint?: string) => (
    <Field id={path} label={label} error={errors[path]} hint={hint}>
      <input
        {...describedBy(path, errors[path], hint)}
        inputMode="numeric"
        value={text(path, value)}
        onInput={(e) => update(path, toNumber(e.currentTarget.value), e.currentTarget.value)}
      />
    </Field>
  );
  const n = settings.notifications;

  return (
    <main class="options">
      <h1>{t('extName')}</h1>
      <p>
        <a href="/dashboard.html" target="_blank" rel="noopener">
          {t('optionsDashboard')}
        </a>
      </p>

      <section aria-labelledby="checking">
        <h2 id="checking">{t('optChecking')}</h2>
        {numberField(
          'pollMinutes',
          t('optPollMinutes'),
          settings.pollMinutes,
          t('optPollMinutesHint'),
        )}
        <Check
          id="fast"
          label={t('optPollFaster')}
          checked={settings.pollFasterWhileRising}
          onChange={(v) => update('pollFasterWhileRising', v)}
        />
      </section>

      <section aria-labelledby="badge">
        <h2 id="badge">{t('optBadge')}</h2>
        <Field id="badge.limit" label={t('optBadgeShows')}>
          <select
            id="badge.limit"
            value={settings.badge.limit}
            onChange={(e) => update('badge.limit', e.currentTarget.value)}
          >
            <option value="tightest">{t('optBadgeTightest')}</option>
            <option value="session">{t('optBadgeSession')}</option>
            <option value="weekly">{t('optBadgeWeekly')}</option>
          </select>
        </Field>
        <Field id="badgeOrg" label={t('optBadgeFollows')}>
          <select
            id="badgeOrg"
            value={settings.badgeOrg}
            onChange={(e) => update('badgeOrg', e.currentTarget.value)}
          >
            <option value="tightest">{t('optBadgeOrgTightest')}</option>
            {orgs.map((o) => (
              <option key={o.uuid} value={o.uuid}>
                {o.name}
                {o.plan ? ` (${o.plan})` : ''}
              </option>
            ))}
          </select>
        </Field>
        {numberField('badge.warnAt', t('optWarnAt'), settings.badge.warnAt)}
        {numberField('badge.criticalAt', t('optCriticalAt'), settings.badge.criticalAt)}
        <Check
          id="percentSign"
          label={t('optPercentSign')}
          checked={settings.badge.showPercentSign}
          onChange={(v) => update('badge.showPercentSign', v)}
        />
      </section>

      <section aria-labelledby="notifications">
        <h2 id="notifications">{t('optNotifications')}</h2>
        <Check
          id="n.enabled"
          label={t('optNotifyEnabled')}
          checked={n.enabled}
          onChange={(v) => update('notifications.enabled', v)}
        />
        <fieldset disabled={!n.enabled && !channelsOn}>
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
          <Field
            id="notifications.thresholds"
            label={t('optThresholds')}
            error={errors['notifications.thresholds']}
            hint={t('optThresholdsHint')}
          >
            <input
              {...describedBy(
                'notifications.thresholds',
                errors['notifications.thresholds'],
                t('optThresholdsHint'),
              )}
              value={text('notifications.thresholds', n.thresholds.join(', '))}
              onInput={(e) =>
                update(
                  'notifications.thresholds',
                  toList(e.currentTarget.value),
                  e.currentTarget.value,
                )
              }
            />
          </Field>
          <Check
            id="n.reached"
            label={t('optReached')}
            checked={n.limitReached}
            onChange={(v) => update('notifications.limitReached', v)}
          />
          <Check
            id="n.forecast"
            label={t('optForecastAlerts')}
            checked={n.forecast}
            onChange={(v) => update('notifications.forecast', v)}
          />
          <Check
            id="n.reset"
            label={t('optResetAlerts')}
            checked={n.resetAlerts}
            onChange={(v) => update('notifications.resetAlerts', v)}
          />
          {numberField('notifications.resetAfterPercent', t('optResetAfter'), n.resetAfterPercent)}
          {numberField('notifications.cooldownHours', t('optCooldown'), n.cooldownHours)}
          <Check
            id="n.quiet"
            label={t('optQuietHours')}
            checked={n.quietHours.enabled}
            onChange={(v) => update('notifications.quietHours.enabled', v)}
          />
          <div class="inline">
            {(['start', 'end'] as const).map((end) => (
              <Field
                key={end}
                id={`notifications.quietHours.${end}`}
                label={end === 'start' ? t('optQuietFrom') : t('optQuietUntil')}
                error={errors[`notifications.quietHours.${end}`]}
              >
                <input
                  type="time"
                  {...describedBy(
                    `notifications.quietHours.${end}`,
                    errors[`notifications.quietHours.${end}`],
                  )}
                  value={n.quietHours[end]}
                  onChange={(e) => update(`notifications.quietHours.${end}`, e.currentTarget.value)}
                />
              </Field>
            ))}
          </div>
        </fieldset>
        <p>
          <button
            type="button"
            onClick={() =>
              void browser.runtime
                .sendMessage({ type: 'test-notification' })
                .then(() => setTestResult(t('optTestSent')))
                .catch(() => setTestResult(t('optTestFailed')))
            }
          >
            {t('optSendTest')}
          </button>{' '}
          <span role="status">{testResult}</span>
        </p>
      </section>

      <section aria-labelledby="history">
        <h2 id="history">{t('optHistory')}</h2>
        {numberField(
          'history.rawDays',
          t('optRawDays'),
          settings.history.rawDays,
          t('optRawDaysHint'),
        )}
        {numberField('history.totalDays', t('optTotalDays'), settings.history.totalDays)}
      </section>

      <section aria-labelledby="look">
        <h2 id="look">{t('optLook')}</h2>
        <Field id="theme" label={t('optTheme')}>
          <select
            id="theme"
            value={settings.theme}
            onChange={(e) => update('theme', e.currentTarget.value)}
          >
            <option value="system">{t('optThemeSystem')}</option>
            <option value="light">{t('optThemeLight')}</option>
            <option value="dark">{t('optThemeDark')}</option>
          </select>
        </Field>
        <Check
          id="inPageMeter"
          label={t('optInPageMeter')}
          checked={settings.inPageMeter}
          onChange={(v) => update('inPageMeter', v)}
        />
      </section>

      <ChannelsPanel desktopEnabled={settings.notifications.enabled} />

      <DataPanel settings={settings} />

      <section aria-labelledby="defaults">
        <h2 id="defaults">{t('optDefaults')}</h2>
        <button
          type="button"
          onClick={() => {
            if (!confirm(t('optResetConfirm'))) return;
            setDrafts({});
            setErrors({});
            void settingsItem.setValue(structuredClone(DEFAULT_SETTINGS));
          }}
        >
          {t('optResetDefaults')}
        </button>
      </section>
    </main>
  );
}
