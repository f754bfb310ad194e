import { useEffect, useState } from 'preact/hooks';
import { GLOBAL_RULES, parseLevels, type AudienceRules } from '@/lib/alerts/audience';
import type { AlertRoutes } from '@/lib/channels/types';
import { formatPercent } from '@/lib/display/format';
import type { AlertKind, Settings } from '@/lib/settings';
import { t, type MessageKey } from '@/lib/display/i18n';
import type { Org } from '@/lib/usage/types';
import { describedBy, Field } from './fields';
import { OrgChoice } from './OrgChoice';

type Rules = Settings['notifications'];
const KINDS: [AlertKind, MessageKey][] = [
  ['session', 'limitSession'],
  ['weekly', 'limitWeekly'],
  ['weekly_model', 'optWeeklyModels'],
];

/** One place's choice: the global levels and limits, or its own. */
function AudienceRow(props: {
  id: string;
  name: string;
  rules: AudienceRules | undefined;
  global: Rules;
  orgs: Org[];
  disabled: boolean;
  onChange: (rules: AudienceRules) => void;
}) {
  const { id, name, global } = props;
  const rules = props.rules ?? GLOBAL_RULES;
  const own = rules.thresholds !== null || rules.kinds !== null;
  const levels = rules.thresholds ?? global.thresholds;
  const kinds = rules.kinds ?? global.kinds;
  const [text, setText] = useState(levels.join(', '));
  const [problem, setProblem] = useState<string | undefined>();
  const fieldId = `lv-${id}-levels`;
  // The stored routes arrive after the first render, and may change in another tab.
  const shown = levels.join(', ');
  useEffect(() => setText(shown), [shown]);

  function commit(value: string) {
    const parsed = parseLevels(value);
    setProblem(parsed ? undefined : t('validThresholds'));
    if (parsed) {
      setText(parsed.join(', '));
      props.onChange({ ...rules, thresholds: parsed, kinds });
    }
  }

  return (
    <li class="audience">
      <Field id={`lv-${id}`} label={t('lvFor', name)}>
        <select
          id={`lv-${id}`}
          disabled={props.disabled}
          value={own ? 'own' : 'global'}
          onChange={(e) => {
            const mine = e.currentTarget.value === 'own';
            setText(global.thresholds.join(', '));
            setProblem(undefined);
            props.onChange(
              mine
                ? { ...rules, thresholds: [...global.thresholds], kinds: { ...global.kinds } }
                : { ...rules, thresholds: null, kinds: null },
            );
          }}
        >
          <option value="global">
            {t('lvGlobal', global.thresholds.map((l) => formatPercent(l)).join(' · '))}
          </option>
          <option value="own">{t('lvOwn')}</option>
        </select>
      </Field>
      {own && (
        <div class="inline">
          <Field id={fieldId} label={t('lvLevelsFor', name)} error={problem}>
            <input
              type="text"
              inputMode="numeric"
              {...describedBy(fieldId, problem)}
              disabled={props.disabled}
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
              onChange={(e) => commit(e.currentTarget.value)}
            />
          </Field>
          <fieldset disabled={props.disabled}>
            <legend>{t('lvLimitsFor', name)}</legend>
            {KINDS.map(([kind, key]) => (
              <label key={kind} class="check">
                <input
                  type="checkbox"
                  checked={kinds[kind]}
                  onChange={(e) =>
                    props.onChange({
                      ...rules,
                      thresholds: rules.thresholds ?? [...levels],
                      kinds: { ...kinds, [kind]: e.currentTarget.checked },
                    })
                  }
                />{' '}
                {t(key)}
              </label>
            ))}
          </fieldset>
        </div>
      )}
      {/* With one organisation there is nothing to choose, unless a choice was made before. */}
      {(props.orgs.length > 1 || rules.orgs) && (
        <OrgChoice
          id={id}
          name={name}
          orgs={props.orgs}
          chosen={rules.orgs ?? null}
          disabled={props.disabled}
          onChange={(orgs) => props.onChange({ ...rules, orgs })}
        />
      )}
    </li>
  );
}

/**
 * Levels per place: the desktop and each channel follow the warning levels and limits above, or
 * keep their own ("a quiet phone at 75 %, the team's chat at 95 %"). Each then re-arms and cools
 * down on its own. Each also hears all organisations, or the ones it chose.
 */
export function AudienceLevels(props: {
  global: Rules;
  routes: AlertRoutes;
  orgs: Org[];
  disabled: boolean;
  onChange: (routes: AlertRoutes) => void;
}) {
  const { routes } = props;
  return (
    <>
      <h3 id="levels-h">{t('lvTitle')}</h3>
      <p class="hint">{t('lvHint')}</p>
      <ul class="audiences" aria-labelledby="levels-h">
        <AudienceRow
          id="desktop"
          name={t('chColDesktop')}
          rules={routes.desktopRules}
          global={props.global}
          orgs={props.orgs}
          disabled={props.disabled}
          onChange={(rules) => props.onChange({ ...routes, desktopRules: rules })}
        />
        {routes.channels.map((channel) => (
          <AudienceRow
            key={channel.id}
            id={channel.id}
            name={channel.name}
            rules={channel.rules}
            global={props.global}
            orgs={props.orgs}
            disabled={props.disabled}
            onChange={(rules) =>
              props.onChange({
                ...routes,
                channels: routes.channels.map((c) => (c.id === channel.id ? { ...c, rules } : c)),
              })
            }
          />
        ))}
      </ul>
    </>
  );
}
