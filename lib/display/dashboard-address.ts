/**
 * The dashboard keeps what it shows in its address (`?org=…&range=1y`), so a reload or a
 * bookmark keeps it, and whatever opens it (the popup, the in-page meter) opens it on the
 * organisation it was showing.
 */
export const ADDRESS_ORG = 'org';

/** The dashboard's path, opened on `orgId` when one is given. Pure. */
export function dashboardPath(orgId?: string | null): `/dashboard.html${string}` {
  return orgId
    ? `/dashboard.html?${new URLSearchParams({ [ADDRESS_ORG]: orgId }).toString()}`
    : '/dashboard.html';
}

/** The organisation an address names, if it is one of `known` (else null). Pure. */
export function addressOrg(search: string, known: readonly { uuid: string }[]): string | null {
  const named = new URLSearchParams(search).get(ADDRESS_ORG);
  return named !== null && known.some((o) => o.uuid === named) ? named : null;
}
