import { storage } from 'wxt/utils/storage';
import type { AlertRoutes, DeliveryRecord } from '../channels/types';
import { type OrgsState, type Settings } from '../settings';
import { migrateSettings } from '../settings/validate';
import type { PollStatus, Reading } from '../usage/types';
import {
  deliveryLogItem,
  latestItem,
  orgsItem,
  routesItem,
  selectedOrgItem,
  settingsItem,
  statusItem,
} from './items';

/** What the popup and the dashboard show: one batched read of extension storage. */
export interface PopupData {
  settings: Settings;
  latest: Record<string, Reading>;
  orgs: OrgsState;
  selected: string | null;
  status: PollStatus;
  /** Alert channels and their recent deliveries: a failing channel is said in the status. */
  routes: AlertRoutes;
  deliveries: DeliveryRecord[];
}

const ITEMS = [
  settingsItem,
  latestItem,
  orgsItem,
  selectedOrgItem,
  statusItem,
  routesItem,
  deliveryLogItem,
] as const;

/** Everything the bars need, in one storage call: the popup paints from this before any network. */
export async function readPopupData(): Promise<PopupData> {
  const [settings, latest, orgs, selected, status, routes, deliveries] = (
    await storage.getItems([...ITEMS])
  ).map((r) => r.value);
  return {
    settings: migrateSettings(settings) as Settings,
    latest: latest as Record<string, Reading>,
    orgs: orgs as OrgsState,
    selected: selected as string | null,
    status: status as PollStatus,
    routes: routes as AlertRoutes,
    deliveries: deliveries as DeliveryRecord[],
  };
}

/** Call `onChange` whenever the worker (or the options page) writes any of them. */
export function watchPopupData(onChange: () => void): () => void {
  const stops = ITEMS.map((item) =>
    (item as { watch(cb: () => void): () => void }).watch(onChange),
  );
  return () => stops.forEach((stop) => stop());
}
