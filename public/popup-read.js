/* global browser, chrome */
globalThis.popupFirstRead = (globalThis.browser?.runtime?.id ? browser : chrome).storage.local.get([
  'settings',
  'latest',
  'orgs',
  'selectedOrg',
  'status',
  'alertRoutes',
  'deliveryLog',
]);
const db = (globalThis.popupDb = globalThis.indexedDB?.open('claude-usage-meter'));
if (db) db.onupgradeneeded = () => db.transaction.abort();
