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
globalThis.popupDb = globalThis.indexedDB?.open('claude-usage-meter');
