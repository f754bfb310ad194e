import type { DBSchema } from 'idb';
import type { LimitKind, Reading } from '../usage/types';

/** A stored reading. `tier` 0 is raw; compacted points carry the width of their span. */
export interface Snapshot extends Reading {
  /** 0 for a raw reading; the bucket width in minutes for a compacted point. */
  tier?: number;
}

export interface UsageDB extends DBSchema {
  snapshots: {
    key: [string, number];
    value: Snapshot;
    indexes: { 'by-at': number };
  };
  /** Derived from `snapshots`, never the other way round: see db-packs.ts. */
  days: {
    key: [string, number];
    value: DayPack;
  };
}

/**
 * One organisation's readings of one UTC day, as columns of numbers: what the dashboard's chart,
 * heat-map and statistics read (time, tier, and each limit's id, kind, name, label, percent and reset),
 * nothing else (no extra usage, no balance). A year is a few hundred of these instead of tens of
 * thousands of readings, and a typed array is copied out of the database in one piece.
 */
export interface DayPack {
  orgId: string;
  /** The UTC day's start (epoch ms). */
  day: number;
  /** How many readings of the day it holds. */
  count: number;
  /** The limits, in the order they first appear in the day. */
  ids: string[];
  kinds: LimitKind[];
  /** Each limit's model or product name (`Limit.name`), null for none. */
  names: (string | null)[];
  /** Every label seen, indexed from `values`. */
  labels: string[];
  /**
   * Per reading: at, tier, then per limit percent, reset (NaN for none) and label index (-1: the
   * reading has no such limit). Null when the day holds something columns cannot say exactly
   * (a limit twice in one reading, a kind that changes, values that are not numbers): the
   * dashboard then reads that day's readings themselves.
   */
  values: Float64Array | null;
  /**
   * Set on the placeholder a transaction that writes readings leaves for each day it touches;
   * cleared when the day is packed again. Like `values: null`, it means "read the readings".
   */
  stale?: true;
}
