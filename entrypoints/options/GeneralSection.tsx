import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/display/i18n';
import { orgsItem } from '@/lib/storage/items';
import type { Org } from '@/lib/usage/types';
import { Check, Field } from './fields';
import { NumberField, type SettingsForm } from './form';
import { OrgOptions } from './org-options';

/** How often to check, what the badge shows, the theme, and the way back to the defaults. */
export function GeneralSection({ form }: { form: SettingsForm }) {
  const { settings, update } = form;
  const [orgs, setOrgs] = useState<Org[]>([]);
  useEffect(() => {
    void orgsItem.getValue().then((o) => setOrgs(o.list));
    // An account added further down the page brings its organisations here at once.
    return orgsItem.watch((o) => setOrgs(o?.list ?? []));
  }, []);

  return (
    <section id="general" aria-labelledby="general-h">
      <h2 id="general-h">{t('optSecGeneral')}</h2>

      <h3>{t('optChecking')}</h3>
      <NumberField
        form={form}
        path="pollMinutes"
        label={t('optPollMinutes')}
        value={settings.pollMinutes}
        hint={t('optPollMinutesHint')}
      />
      <Check
        id="fast"
        label={t('optPollFaster')}
        checked={settings.pollFasterWhileRising}
        onChange={(v) => update('pollFasterWhileRising', v)}
      />

      <h3>{t('optBadge')}</h3>
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
          <OrgOptions orgs={orgs} />
        </select>
      </Field>
      <div class="inline">
        <NumberField
          form={form}
          path="badge.warnAt"
          label={t('optWarnAt')}
          value={settings.badge.warnAt}
        />
        <NumberField
          form={form}
          path="badge.criticalAt"
          label={t('optCriticalAt')}
          value={settings.badge.criticalAt}
        />
      </div>
      <Check
        id="percentSign"
        label={t('optPercentSign')}
        checked={settings.badge.showPercentSign}
        onChange={(v) => update('badge.showPercentSign', v)}
      />

      <h3>{t('optLook')}</h3>
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

      <h3>{t('optDefaults')}</h3>
      <button
        type="button"
        onClick={() => {
          if (confirm(t('optResetConfirm'))) form.resetToDefaults();
        }}
      >
        {t('optResetDefaults')}
      </button>
    </section>
  );
}
