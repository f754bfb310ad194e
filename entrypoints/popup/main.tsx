import { render } from 'preact';
import { t } from '@/lib/display/i18n';
import { App } from './App';
import { readFirstPaint } from '@/lib/storage/first-paint';
import { ext } from './ext';
import { startChart } from './later';
import './style.css';

document.documentElement.lang = t('htmlLang');

// Paint the bars from extension storage first; the chart and history follow.
void readFirstPaint(ext).then((data) => {
  render(<App initial={data} />, document.getElementById('app')!);
  performance.mark('bars-painted');
  startChart();
  // A popup with no organisation draws no chart; say so, so nothing waits for it.
  if (data.orgs.list.length === 0) performance.mark('chart-drawn');
});
