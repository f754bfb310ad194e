import { groupOrgs, hasAddedLogins } from '@/lib/accounts/account-state';
import { orgTitle } from '@/lib/accounts/accounts';
import { formatPercent } from '@/lib/display/format';
import { t } from '@/lib/display/i18n';
import type { Level } from '@/lib/display/levels';
import type { Org } from '@/lib/usage/types';

export interface OrgSwitcherProps {
  orgs: Org[];
  selected: string;
  /** The tightest percent of each organisation, when known. */
  tightest: Record<string, number | undefined>;
  /** The colour level of a percent, as the bars use it. */
  levelOf: (percent: number) => Level;
  onSelect: (uuid: string) => void;
}

/** Up to this many organisations sit side by side; more go in a list that shows every name. */
export const MAX_SIDE_BY_SIDE = 2;

/**
 * The organisation, once: side by side (name, and the tightest percent coloured by level; the
 * full name on hover and focus) for a few, a select listing every name for many.
 */
export function OrgSwitcher({ orgs, selected, tightest, levelOf, onSelect }: OrgSwitcherProps) {
  if (orgs.length < 2) return null;
  const percentOf = (uuid: string) => {
    const p = tightest[uuid];
    return p === undefined ? null : { text: formatPercent(p), level: levelOf(p) };
  };
  const option = (org: Org) => {
    const p = percentOf(org.uuid);
    return (
      // The account's name too: a closed select shows only the chosen option, not its group.
      <option key={org.uuid} value={org.uuid} title={orgTitle(org)}>
        {[orgTitle(org), org.plan, p?.text].filter(Boolean).join(' · ')}
      </option>
    );
  };
  // With added logins, the list is grouped by login: the browser's own first.
  const groups = hasAddedLogins(orgs) ? groupOrgs(orgs) : null;
  if (orgs.length > MAX_SIDE_BY_SIDE) {
    const current = percentOf(selected);
    return (
      <div class="orgs orgs-many">
        <select
          class="org-select"
          aria-label={t('popupOrganisations')}
          value={selected}
          onChange={(e) => onSelect((e.currentTarget as HTMLSelectElement).value)}
        >
          {groups
            ? groups.map((g) => (
                <optgroup
                  key={g.account?.id ?? ''}
                  label={g.account?.name ?? t('popupThisBrowser')}
                >
                  {g.orgs.map(option)}
                </optgroup>
              ))
            : orgs.map(option)}
        </select>
        {current && <span class={`org-percent text-${current.level}`}>{current.text}</span>}
      </div>
    );
  }
  return (
    <div class="orgs" role="group" aria-label={t('popupOrganisations')}>
      {orgs.map((org) => {
        const p = percentOf(org.uuid);
        return (
          <button
            type="button"
            key={org.uuid}
            class="org"
            aria-pressed={org.uuid === selected}
            onClick={() => onSelect(org.uuid)}
          >
            <span class="org-name">{orgTitle(org)}</span>
            {p && <span class={`org-percent text-${p.level}`}>{p.text}</span>}
            <span class="org-tip" aria-hidden="true">
              {orgTitle(org)}
            </span>
          </button>
        );
      })}
    </div>
  );
}
