import { groupOrgs, hasAddedLogins } from '@/lib/accounts/account-state';
import { orgTitle } from '@/lib/accounts/accounts';
import { t } from '@/lib/display/i18n';
import type { Org } from '@/lib/usage/types';
import { Field } from './fields';
import { groupName } from './org-options';

/**
 * One place's organisations: all of them (those that come later included), or the ones ticked,
 * stored by key. Names come from claude.ai and may be anything: shown as text, cut with an
 * ellipsis, whole in the tooltip. With added logins, each login's organisations sit under its name.
 */
export function OrgChoice(props: {
  id: string;
  name: string;
  orgs: Org[];
  chosen: string[] | null;
  disabled: boolean;
  onChange: (chosen: string[] | null) => void;
}) {
  const { id, name, orgs, chosen } = props;
  const selectId = `org-${id}`;
  const box = (org: Org) => (
    <label key={org.uuid} class="check place-org" title={orgTitle(org)}>
      <input
        type="checkbox"
        checked={chosen?.includes(org.uuid) ?? false}
        onChange={(e) =>
          props.onChange(
            e.currentTarget.checked
              ? [...(chosen ?? []), org.uuid]
              : (chosen ?? []).filter((key) => key !== org.uuid),
          )
        }
      />
      <span class="place-org-name">{orgTitle(org)}</span>
    </label>
  );
  return (
    <div class="org-choice">
      <Field id={selectId} label={t('orgFor', name)}>
        <select
          id={selectId}
          disabled={props.disabled}
          value={chosen ? 'some' : 'all'}
          // Choosing starts from every organisation known now: nothing changes until one is unticked.
          onChange={(e) =>
            props.onChange(e.currentTarget.value === 'some' ? orgs.map((o) => o.uuid) : null)
          }
        >
          <option value="all">{t('orgAll')}</option>
          <option value="some">{t('orgChosen')}</option>
        </select>
      </Field>
      {chosen && (
        <fieldset class="place-orgs" disabled={props.disabled}>
          <legend>{t('orgListFor', name)}</legend>
          {hasAddedLogins(orgs)
            ? groupOrgs(orgs).map((group) => (
                <div
                  key={group.account?.id ?? ''}
                  class="org-group"
                  role="group"
                  aria-labelledby={`${selectId}-${group.account?.id ?? 'own'}`}
                >
                  <p
                    class="org-group-name"
                    id={`${selectId}-${group.account?.id ?? 'own'}`}
                    title={groupName(group.account)}
                  >
                    <bdi>{groupName(group.account)}</bdi>
                  </p>
                  {group.orgs.map(box)}
                </div>
              ))
            : orgs.map(box)}
          {chosen.length === 0 && <p class="hint">{t('orgNone')}</p>}
        </fieldset>
      )}
    </div>
  );
}
