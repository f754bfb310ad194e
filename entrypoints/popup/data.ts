import { storage } from 'wxt/utils/storage';
import {
  latestItem,
  orgsItem,
  selectedOrgItem,
  settingsItem,
  statusItem,
  type OrgsState,
  type Settings,
} from '@/lib/settings';
import { migrateSettings } from '@/lib/settings-validate';
import type { PollStatus, Reading } from '@/lib/usage/types';

export interface PopupData {
  settings: Settings;
  latest: Record<string, Reading>;
  orgs: OrgsState;
  selected: string | null;
  status: PollStatus;
}

const ITEMS = [settingsItem, latestItem, orgsItem, selectedOrgItem, statusItem] as const;

/** Everything the bars need, in one storage call: the popup paints from this before any network. */
export async function readPopupData(): Promise<PopupData> {
  const [settings, latest, orgs, selected, status] = (await storage.getItems([...ITEMS])).map(
    (r) => r.value,
  );
  return {
    settings: migrateSettings(settings) as Settings,
    latest: latest as Record<string, Reading>,
    orgs: orgs as OrgsState,
    selected: selected as string | null,
    status: status as PollStatus,
  };
}

/** Call `onChange` whenever the worker (or the options page) writes any of them. */
export function watchPopupData(onChange: () => void): () => void {
  const stops = ITEMS.map((item) =>
    (item as { watch(cb: () => void): () => void }).watch(onChange),
  );
  return () => stops.forEach((stop) => stop());
}
