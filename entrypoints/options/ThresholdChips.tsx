import { useState } from 'preact/hooks';
import { formatPercent } from '@/lib/display/format';
import { t } from '@/lib/display/i18n';

/** At most this many warning levels: more would nag (and the settings check allows five). */
export const MAX_THRESHOLDS = 5;

/**
 * Why `text` cannot be added to `levels`, or null: a whole percent from 1 to 99, not there yet,
 * and room for it. Pure.
 */
export function thresholdProblem(levels: readonly number[], text: string): string | null {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < 1 || value > 99)
    return t('validPercent1to99');
  if (levels.includes(value)) return t('optThresholdTwice', formatPercent(value));
  if (levels.length >= MAX_THRESHOLDS) return t('optThresholdsFull', MAX_THRESHOLDS);
  return null;
}

/**
 * The warning levels as chips, each with its remove button, and a field to add one: the list
 * stays sorted and valid, so there is no free text to get wrong. The last chip cannot go: a
 * person who wants no warnings routes "Near a limit" nowhere.
 */
export function ThresholdChips(props: {
  levels: number[];
  onChange: (levels: number[]) => void;
  disabled?: boolean;
}) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { levels } = props;

  function add() {
    const why = thresholdProblem(levels, draft);
    setProblem(why);
    if (why) return;
    props.onChange([...levels, Number(draft.trim())].sort((a, b) => a - b));
    setDraft('');
  }

  return (
    <fieldset class="thresholds" disabled={props.disabled} aria-describedby="thr-hint">
      <legend>{t('optThresholds')}</legend>
      <ul class="chips">
        {levels.map((level) => (
          <li key={level} class="chip">
            {formatPercent(level)}
            <button
              type="button"
              aria-label={t('optThresholdRemove', formatPercent(level))}
              disabled={levels.length === 1}
              onClick={() => props.onChange(levels.filter((l) => l !== level))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div class="chip-add">
        <label for="thr-add">{t('optThresholdAdd')}</label>
        <input
          id="thr-add"
          type="number"
          min={1}
          max={99}
          step={1}
          inputMode="numeric"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'thr-error' : 'thr-hint'}
          value={draft}
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
        />
        <button type="button" onClick={add}>
          {t('optThresholdAddButton')}
        </button>
      </div>
      {problem ? (
        <p class="error" id="thr-error" role="alert">
          {problem}
        </p>
      ) : (
        <p class="hint" id="thr-hint">
          {t('optThresholdsChipsHint', MAX_THRESHOLDS)}
        </p>
      )}
    </fieldset>
  );
}
