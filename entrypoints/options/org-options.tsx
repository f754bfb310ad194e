import { groupOrgs, hasAddedLogins } from '@/lib/accounts/account-state';
import { orgTitle } from '@/lib/accounts/accounts';
import { t } from '@/lib/display/i18n';
import type { Org } from '@/lib/usage/types';

const option = (org: Org) => (
  <option key={org.uuid} value={org.uuid}>
    {orgTitle(org)}
    {org.plan ? ` (${org.plan})` : ''}
  </option>
);

/** The name a group of organisations goes by: its login's, or the browser's own. */
export const groupName = (account: { name: string } | null) =>
  account ? account.name : t('accBrowserLogin');

/**
 * Organisations as a select's options: grouped by login (`<optgroup>`) once a login has been
 * added, a plain list as before when there is only the browser's own.
 */
export function OrgOptions({ orgs }: { orgs: Org[] }) {
  if (!hasAddedLogins(orgs)) return <>{orgs.map(option)}</>;
  return (
    <>
      {groupOrgs(orgs).map((group) => (
        <optgroup key={group.account?.id ?? ''} label={groupName(group.account)}>
          {group.orgs.map(option)}
        </optgroup>
      ))}
    </>
  );
}
