import type { Balance, ExtraUsage } from './types';
import { asRecord, readAmount, readText } from './values';

function readExponent(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4
    ? value
    : 2;
}

/** A three-letter currency code, upper-cased, or null. */
function readCurrency(value: unknown): string | null {
  const code = readText(value, 8)?.toUpperCase();
  return code && /^[A-Z]{3}$/.test(code) ? code : null;
}

/** How many minor digits a currency has (JPY 0, USD 2), by the engine's own tables; else 2. */
export function currencyExponent(currency: string): number {
  try {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits;
    return readExponent(digits);
  } catch {
    return 2;
  }
}

/**
 * Extra usage from a usage payload: the newer `spend` first, else `extra_usage`; null when the
 * account has it off or the payload says nothing readable. Pure.
 */
export function parseExtra(payload: Record<string, unknown>): ExtraUsage | null {
  const spend = asRecord(payload.spend);
  if (spend) {
    if (spend.enabled === false) return null;
    const used = asRecord(spend.used);
    const usedMinor = readAmount(used?.amount_minor);
    if (used && usedMinor !== null) {
      const limit = asRecord(spend.limit);
      return {
        usedMinor,
        limitMinor: readAmount(limit?.amount_minor),
        currency: readCurrency(used.currency) ?? 'USD',
        exponent: readExponent(used.exponent),
      };
    }
  }
  const extra = asRecord(payload.extra_usage);
  if (!extra || extra.is_enabled !== true) return null;
  return {
    usedMinor: readAmount(extra.used_credits) ?? 0,
    limitMinor: readAmount(extra.monthly_limit),
    currency: readCurrency(extra.currency) ?? 'USD',
    exponent: readExponent(extra.decimal_places),
  };
}

/**
 * The answer of `/prepaid/credits` (`{amount, currency}` in minor units), or null when it is not
 * that shape: an unreadable balance is no balance, never a balance of zero. Pure.
 */
export function parseCredits(payload: unknown): Balance | null {
  const root = asRecord(payload);
  const amountMinor = readAmount(root?.amount);
  const currency = readCurrency(root?.currency);
  if (amountMinor === null || !currency) return null;
  return { amountMinor, currency, exponent: currencyExponent(currency) };
}
