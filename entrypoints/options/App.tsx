import { useEffect } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/display/i18n';
import type { Settings } from '@/lib/settings';
import { AccountsSection } from './AccountsSection';
import { AlertsSection } from './AlertsSection';
import { ChannelsPanel } from './ChannelsPanel';
import { DataSection } from './DataSection';
import { useSettingsForm } from './form';
import { GeneralSection } from './GeneralSection';

/** The page's sections, in order, for the navigation at the top. */
const SECTIONS: { href: string; label: MessageKey }[] = [
  { href: '#general', label: 'optSecGeneral' },
  { href: '#accounts', label: 'optSecAccounts' },
  { href: '#alerts', label: 'optSecAlerts' },
  { href: '#channels-sec', label: 'optSecChannels' },
  { href: '#data-sec', label: 'optSecData' },
  { href: '#diagnostics', label: 'dataDiagnostics' },
];

/** The options page: every setting, saved as it changes, in six sections with a short nav. */
export function App({ initial }: { initial: Settings }) {
  const form = useSettingsForm(initial);
  const { theme } = form.settings;
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div class="options">
      <header class="options-head">
        <h1>{t('extName')}</h1>
        <a class="dashboard-link" href="/dashboard.html" target="_blank" rel="noopener">
          {t('optionsDashboard')}
        </a>
        <nav aria-label={t('optSections')}>
          <ul>
            {SECTIONS.map(({ href, label }) => (
              <li key={href}>
                <a href={href}>{t(label)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <GeneralSection form={form} />
        <AccountsSection />
        <AlertsSection form={form} />
        <ChannelsPanel />
        <DataSection form={form} />
      </main>
    </div>
  );
}
