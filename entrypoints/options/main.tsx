import { render } from 'preact';
import { t } from '@/lib/display/i18n';
import { settingsItem } from '@/lib/storage/items';
import { migrateSettings } from '@/lib/settings/validate';
import { App } from './App';
import '../popup/style.css';
import './style.css';

document.documentElement.lang = t('htmlLang');
document.title = t('optionsTitle');

void settingsItem
  .getValue()
  // Complete settings whatever is stored: fields added since they were saved take their defaults.
  .then((stored) =>
    render(<App initial={migrateSettings(stored)} />, document.getElementById('app')!),
  );
