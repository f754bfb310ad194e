import type { DayPack, Snapshot } from '../storage/db-schema';
import type { Labeller } from '../usage/labels';
import type { LimitKind } from '../usage/types';
import { packDayOf, stalePack } from './pack-days';

export type { DayPack } from '../storage/db-schema';
export { DAY_MS, packDayOf, stalePack } from './pack-days';

/** The readings of a day (one organisation, oldest first) as a pack. Pure. */
export function packDay(orgId: string, day: number, readings: readonly Snapshot[]): DayPack {
  const ids: string[] = [];
  const kinds: LimitKind[] = [];
  const names: (string | null)[] = [];
  const column = new Map<string, number>();
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  for (const r of readings)
    for (const l of r.limits)
      if (!column.has(l.id)) {
        column.set(l.id, ids.length);
        ids.push(l.id);
        kinds.push(l.kind);
        names.push(l.name ?? null);
      }
  const width = 2 + 3 * ids.length;
  const values = new Float64Array(readings.length * width);
  readings.forEach((r, i) => {
    const row = i * width;
    values[row] = r.at;
    values[row + 1] = r.tier ?? 0;
    for (let c = 0; c < ids.length; c++) values[row + 2 + 3 * c + 2] = -1;
    for (const l of r.limits) {
      const c = column.get(l.id)!;
      let li = labelIndex.get(l.label);
      if (li === undefined) labelIndex.set(l.label, (li = labels.push(l.label) - 1));
      values[row + 2 + 3 * c] = l.percent;
      values[row + 2 + 3 * c + 1] = l.resetsAt ?? NaN;
      values[row + 2 + 3 * c + 2] = li;
    }
  });
  const pack: DayPack = { orgId, day, count: readings.length, ids, kinds, names, labels, values };
  // Exact or not at all: whatever the columns would change is read from the readings instead.
  return samePacked(unpackDay(pack), readings) ? pack : { ...pack, values: null };
}

/**
 * A pack checked and labelled for reading, row by row: its values have the pack's shape and every
 * label index names a stored label. A limit is labelled by `relabel` when given, asked once per
 * column and stored label, not per reading. Throws for a pack without values or a damaged one.
 */
export interface OpenPack {
  readonly pack: DayPack;
  /** Values per reading: at, tier, then percent, reset and label index per column. */
  readonly width: number;
  /** Column `c`'s label for stored label index `li`. */
  label(c: number, li: number): string;
}

export function openPack(pack: DayPack, relabel?: Labeller): OpenPack {
  const { values, ids, names, labels, count } = pack;
  if (!values) throw new Error('This day is not packed');
  const width = 2 + 3 * ids.length;
  if (values.length !== count * width) throw new Error('A damaged day pack');
  for (let i = 0; i < count; i++)
    for (let c = 0; c < ids.length; c++) {
      const li = values[i * width + 4 + 3 * c]!;
      // -1 (the limit is not in this reading) or an index of a stored label; NaN is neither.
      if (!(li < 0) && labels[li] === undefined) throw new Error('A damaged day pack');
    }
  const made: (string | undefined)[] = [];
  return {
    pack,
    width,
    label(c, li) {
      const at = c * labels.length + li;
      let label = made[at];
      if (label === undefined) {
        const stored = labels[li]!;
        const name = names?.[c];
        made[at] = label = relabel
          ? relabel({ id: ids[c]!, label: stored, ...(typeof name === 'string' && { name }) })
          : stored;
      }
      return label;
    },
  };
}

/**
 * Reads an open pack's rows into ONE reading and one limit object per column, overwritten by each
 * `read`: a year's history is read without making its 20,000 readings and 60,000 limits. What
 * `read` returns is good until the next `read` of the same cursor; copy what is kept.
 */
export class PackCursor {
  private readonly reading: Snapshot;
  private readonly columns: Snapshot['limits'];

  constructor(private readonly open: OpenPack) {
    const { ids, kinds, names, orgId } = open.pack;
    this.columns = ids.map((id, c) => {
      const limit: Snapshot['limits'][number] = {
        id,
        kind: kinds[c]!,
        label: '',
        percent: 0,
        resetsAt: null,
      };
      const name = names?.[c];
      if (typeof name === 'string') limit.name = name;
      return limit;
    });
    this.reading = { orgId, at: 0, tier: 0, limits: [], extra: null };
  }

  /** When row `i` was taken, without reading the rest of it. */
  atOf(i: number): number {
    return this.open.pack.values![i * this.open.width]!;
  }

  read(i: number): Snapshot {
    const { open, columns, reading } = this;
    const values = open.pack.values!;
    const row = i * open.width;
    reading.at = values[row]!;
    reading.tier = values[row + 1]!;
    let present = 0;
    for (let c = 0; c < columns.length; c++) {
      const li = values[row + 4 + 3 * c]!;
      if (li < 0) continue;
      const limit = columns[c]!;
      const resetsAt = values[row + 3 + 3 * c]!;
      limit.label = open.label(c, li);
      limit.percent = values[row + 2 + 3 * c]!;
      limit.resetsAt = Number.isNaN(resetsAt) ? null : resetsAt;
      present += 1;
    }
    // Most rows hold every column: their limits are the columns themselves, nothing made.
    reading.limits =
      present === columns.length
        ? columns
        : columns.filter((_, c) => !(values[row + 4 + 3 * c]! < 0));
    return reading;
  }
}

/**
 * The readings a pack holds, oldest first, as the dashboard reads them (`extra` is null), each
 * limit labelled by `relabel` when given (see `openPack`), each its own object. Pure when
 * `relabel` is.
 */
export function unpackDay(pack: DayPack, relabel?: Labeller): Snapshot[] {
  const cursor = new PackCursor(openPack(pack, relabel));
  const out = new Array<Snapshot>(pack.count);
  for (let i = 0; i < pack.count; i++) {
    const r = cursor.read(i);
    out[i] = { ...r, limits: r.limits.map((l) => ({ ...l })) };
  }
  return out;
}

/** True when `b` says what `a` says in every field the dashboard reads (tier 0 = none). Pure. */
export function samePacked(a: readonly Snapshot[], b: readonly Snapshot[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.orgId !== y.orgId || !Object.is(x.at, y.at) || !Object.is(x.tier ?? 0, y.tier ?? 0))
      return false;
    if (!Array.isArray(y.limits) || x.limits.length !== y.limits.length) return false;
    for (let j = 0; j < x.limits.length; j++) {
      const l = x.limits[j]!;
      const m = y.limits[j]!;
      if (l.id !== m.id || l.kind !== m.kind || l.label !== m.label) return false;
      if ((l.name ?? null) !== (m.name ?? null)) return false;
      if (!Object.is(l.percent, m.percent) || !Object.is(l.resetsAt, m.resetsAt)) return false;
    }
  }
  return true;
}

/**
 * A pack with `readings` (all newer than its last) added at its end, or null when they bring
 * a limit, kind or label the pack does not have yet (then the day is packed again). Pure.
 */
export function appendToPack(pack: DayPack, readings: readonly Snapshot[]): DayPack | null {
  if (!pack.values || readings.length === 0) return null;
  const width = 2 + 3 * pack.ids.length;
  const last = pack.count > 0 ? pack.values[(pack.count - 1) * width]! : -Infinity;
  const tail = packDay(pack.orgId, pack.day, readings);
  const fits =
    tail.values !== null &&
    readings[0]!.at > last &&
    tail.ids.every(
      (id, c) =>
        pack.ids[c] === id &&
        pack.kinds[c] === tail.kinds[c] &&
        (pack.names?.[c] ?? null) === (tail.names[c] ?? null),
    ) &&
    tail.labels.every((label) => pack.labels.includes(label));
  if (!fits) return null;
  const values = new Float64Array((pack.count + readings.length) * width);
  values.set(pack.values);
  const tailWidth = 2 + 3 * tail.ids.length;
  for (let i = 0; i < readings.length; i++) {
    const to = (pack.count + i) * width;
    for (let c = 0; c < pack.ids.length; c++) values[to + 2 + 3 * c + 2] = -1;
    for (let k = 0; k < tailWidth; k++) {
      let v = tail.values![i * tailWidth + k]!;
      // Label indexes of the tail refer to its own table.
      if (k >= 2 && (k - 2) % 3 === 2 && v >= 0) v = pack.labels.indexOf(tail.labels[v]!);
      values[to + k] = v;
    }
  }
  return { ...pack, count: pack.count + readings.length, values };
}

/** Readings → packs, one per organisation and UTC day; the readings oldest first per org. Pure. */
export function packAll(readings: readonly Snapshot[]): DayPack[] {
  const groups = new Map<string, { orgId: string; day: number; list: Snapshot[] }>();
  for (const r of readings) {
    const day = packDayOf(r.at);
    const key = `${r.orgId}\n${day}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { orgId: r.orgId, day, list: [] }));
    g.list.push(r);
  }
  return [...groups.values()].map((g) => {
    try {
      return packDay(
        g.orgId,
        g.day,
        g.list.sort((a, b) => a.at - b.at),
      );
    } catch {
      // A reading no pack can hold (an old import's odd shape): that day is read as it is.
      const { stale: _, ...unpacked } = stalePack(g.orgId, g.day);
      return unpacked;
    }
  });
}
