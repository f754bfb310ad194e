import { render } from 'preact';
import { t } from '@/lib/display/i18n';
import { readFirstPaint } from '@/lib/storage/first-paint';
import { ext } from '../popup/ext';
import { App } from './App';
// The popup's palette, bars and level colours, then this page's layout.
import '../popup/style.css';
import './style.css';

document.documentElement.lang = t('htmlLang');
document.title = t('dashTitle');

// The cards from one plain read of extension storage first (started by the HTML); the storage
// module, history, chart and habits follow.
void readFirstPaint(ext).then((data) => {
  render(<App initial={data} />, document.getElementById('app')!);
  performance.mark('cards-painted');
  if (data.orgs.list.length === 0) {
    performance.mark('chart-drawn');
    performance.mark('heatmap-drawn');
  }
});
