import { formatPercent } from '@/lib/format';
import { t } from '@/lib/i18n';
import type { Org } from '@/lib/usage/types';

export interface OrgSwitcherProps {
  orgs: Org[];
  selected: string;
  /** The tightest percent of each organisation, when known. */
  tightest: Record<string, number | undefined>;
  onSelect: (uuid: string) => void;
}

/** Every organisation of the account, compact: name, plan and tightest percent. */
export function OrgSwitcher({ orgs, selected, tightest, onSelect }: OrgSwitcherProps) {
  if (orgs.length < 2) return null;
  return (
    <div class="orgs" role="group" aria-label={t('popupOrganisations')}>
      {orgs.map((org) => {
        const percent = tightest[org.uuid];
        return (
          <button
            type="button"
            key={org.uuid}
            class="org"
            aria-pressed={org.uuid === selected}
            onClick={() => onSelect(org.uuid)}
          >
            <span class="org-name">{org.name}</span>
            <span class="org-meta">
              {[org.plan, percent !== undefined ? formatPercent(percent) : null]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </button>
        );
      })}
    </div>
  );
}
