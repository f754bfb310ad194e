import type { Org } from './types';
import { asRecord, readText } from './values';

const PLAN_BY_TIER: Record<string, string> = {
  default_claude_max_5x: 'Max 5x',
  default_claude_max_20x: 'Max 20x',
  default_raven: 'Team',
  default_raven_enterprise: 'Enterprise',
};

/** A plan name for people, from `rate_limit_tier` and the org's capabilities; null when unsure. */
export function planOf(
  tier: unknown,
  capabilities: readonly string[],
  ravenType: unknown,
): string | null {
  if (typeof tier === 'string' && PLAN_BY_TIER[tier]) return PLAN_BY_TIER[tier];
  if (ravenType === 'enterprise') return 'Enterprise';
  if (ravenType === 'team' || capabilities.includes('raven')) return 'Team';
  if (capabilities.includes('claude_max')) return 'Max';
  if (capabilities.includes('claude_pro')) return 'Pro';
  // `default_claude_ai` covers both Free and Pro: better no plan than a wrong one.
  return null;
}

/**
 * The chat-capable organisations in a `GET /api/organizations` answer, in the server's order.
 * API-only Console orgs have no chat usage and are left out. Null when the payload is not a list.
 */
export function parseOrganizations(payload: unknown): Org[] | null {
  if (!Array.isArray(payload)) return null;
  const orgs: Org[] = [];
  for (const item of payload) {
    const org = asRecord(item);
    const uuid = readText(org?.uuid, 64);
    if (!org || !uuid || !/^[A-Za-z0-9-]+$/.test(uuid)) continue;
    const capabilities = Array.isArray(org.capabilities)
      ? org.capabilities.filter((c): c is string => typeof c === 'string')
      : [];
    if (!capabilities.includes('chat')) continue;
    orgs.push({
      uuid,
      name: readText(org.name) ?? 'Claude',
      plan: planOf(org.rate_limit_tier, capabilities, org.raven_type),
    });
  }
  return orgs;
}
