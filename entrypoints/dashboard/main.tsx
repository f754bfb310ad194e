import { render } from 'preact';
import { t } from '@/lib/display/i18n';
import { readPopupData } from '@/lib/storage/page-data';
import { App } from './App';
// The popup's palette, bars and level colours, then this page's layout.
import '../popup/style.css';
import './style.css';

document.documentElement.lang = t('htmlLang');
document.title = t('dashTitle');

// The cards from extension storage first; history, chart and habits follow from IndexedDB.
void readPopupData().then((data) => {
  render(<App initial={data} />, document.getElementById('app')!);
  performance.mark('cards-painted');
  if (data.orgs.list.length === 0) {
    performance.mark('chart-drawn');
    performance.mark('heatmap-drawn');
  }
});
