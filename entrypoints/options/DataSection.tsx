import { t } from '@/lib/display/i18n';
import { DataPanel } from './DataPanel';
import { NumberField, type SettingsForm } from './form';

/** How long history is kept, then the history itself (export, import, clear) and diagnostics. */
export function DataSection({ form }: { form: SettingsForm }) {
  const { history } = form.settings;
  return (
    <>
      <section id="data-sec" aria-labelledby="data-sec-h">
        <h2 id="data-sec-h">{t('optSecData')}</h2>
        <div class="inline">
          <NumberField
            form={form}
            path="history.rawDays"
            label={t('optRawDays')}
            value={history.rawDays}
          />
          <NumberField
            form={form}
            path="history.totalDays"
            label={t('optTotalDays')}
            value={history.totalDays}
          />
        </div>
        <p class="hint">{t('optRawDaysHint')}</p>
      </section>
      <DataPanel settings={form.settings} />
    </>
  );
}
