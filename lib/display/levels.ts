/** The three colour levels shared by the badge and the popup's bars. */
export type Level = 'ok' | 'warn' | 'critical';

export interface LevelThresholds {
  warnAt: number;
  criticalAt: number;
}

/** Green below `warnAt`, amber from `warnAt`, red from `criticalAt`. */
export function levelOf(percent: number, { warnAt, criticalAt }: LevelThresholds): Level {
  if (percent >= criticalAt) return 'critical';
  if (percent >= warnAt) return 'warn';
  return 'ok';
}

/** Badge background colours; white text is legible on each (contrast ≥ 4.5:1 for the bold badge font). */
export const LEVEL_COLORS: Record<Level | 'stale', string> = {
  ok: '#137333',
  warn: '#b06000',
  critical: '#c5221f',
  stale: '#5f6368',
};
