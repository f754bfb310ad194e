import { render } from 'preact';
import { t } from '@/lib/i18n';
import { settingsItem } from '@/lib/storage/items';
import { App } from './App';
import '../popup/style.css';
import './style.css';

document.documentElement.lang = t('htmlLang');
document.title = t('optionsTitle');

void settingsItem
  .getValue()
  .then((settings) => render(<App initial={settings} />, document.getElementById('app')!));
