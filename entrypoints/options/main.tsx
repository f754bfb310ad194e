import { render } from 'preact';
import { settingsItem } from '@/lib/settings';
import { App } from './App';
import '../popup/style.css';
import './style.css';

void settingsItem
  .getValue()
  .then((settings) => render(<App initial={settings} />, document.getElementById('app')!));
