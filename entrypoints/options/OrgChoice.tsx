import { t } from '@/lib/display/i18n';
import type { Org } from '@/lib/usage/types';
import { Field } from './fields';

/**
 * One place's organisations: all of them (those that come later included), or the ones ticked,
 * stored by key. Names come from claude.ai and may be anything: shown as text, cut with an
 * ellipsis, whole in the tooltip.
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
          {orgs.map((org) => (
            <label key={org.uuid} class="check place-org" title={org.name}>
              <input
                type="checkbox"
                checked={chosen.includes(org.uuid)}
                onChange={(e) =>
                  props.onChange(
                    e.currentTarget.checked
                      ? [...chosen, org.uuid]
                      : chosen.filter((key) => key !== org.uuid),
                  )
                }
              />
              <span class="place-org-name">{org.name}</span>
            </label>
          ))}
          {chosen.length === 0 && <p class="hint">{t('orgNone')}</p>}
        </fieldset>
      )}
    </div>
  );
}
