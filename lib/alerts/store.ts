import { storage } from 'wxt/utils/storage';
import { EMPTY_ALERT_STATE, type AlertState } from './state';

/** Alert memory in extension storage: it survives the worker being stopped and browser restarts. */
export const alertStateItem = storage.defineItem<AlertState>('local:alertState', {
  fallback: EMPTY_ALERT_STATE,
  version: 1,
});
