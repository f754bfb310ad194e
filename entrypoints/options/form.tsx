import { useEffect, useState } from 'preact/hooks';
import { settingsItem } from '@/lib/storage/items';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { migrateSettings, validateSettings } from '@/lib/settings/validate';
import { describedBy, Field } from './fields';

/** `settings` with the value at a dotted path replaced. */
function withPath(settings: Settings, path: string, value: unknown): Settings {
  const copy = structuredClone(settings) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
  return copy as unknown as Settings;
}

const toNumber = (text: string) => (text.trim() === '' ? NaN : Number(text));

export interface SettingsForm {
  settings: Settings;
  errors: Record<string, string>;
  /** Save a change only when the whole result is valid; otherwise say why beside the field. */
  update(path: string, value: unknown, draft?: string): void;
  /** What a text field shows: the person's draft while it is invalid, else the saved value. */
  text(path: string, shown: string | number): string;
  resetToDefaults(): void;
}

/** The settings being edited, saved field by field, and following changes made elsewhere. */
export function useSettingsForm(initial: Settings): SettingsForm {
  const [settings, setSettings] = useState(initial);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => settingsItem.watch((next) => setSettings(migrateSettings(next))), []);

  function update(path: string, value: unknown, draft?: string) {
    if (draft !== undefined) setDrafts((d) => ({ ...d, [path]: draft }));
    const candidate = withPath(settings, path, value);
    const problems = validateSettings(candidate);
    const problem = problems[path];
    setErrors((e) => {
      const { [path]: _old, ...rest } = e;
      return problem ? { ...rest, [path]: problem } : rest;
    });
    if (Object.keys(problems).length > 0) return;
    setSettings(candidate);
    void settingsItem.setValue(candidate);
  }

  return {
    settings,
    errors,
    update,
    text: (path, shown) => drafts[path] ?? String(shown),
    resetToDefaults() {
      setDrafts({});
      setErrors({});
      void settingsItem.setValue(structuredClone(DEFAULT_SETTINGS));
    },
  };
}

/** A whole-number field bound to a settings path. */
export function NumberField(props: {
  form: SettingsForm;
  path: string;
  label: string;
  value: number;
  hint?: string;
  disabled?: boolean;
}) {
  const { form, path, hint } = props;
  const error = form.errors[path];
  return (
    <Field id={path} label={props.label} error={error} hint={hint}>
      <input
        {...describedBy(path, error, hint)}
        inputMode="numeric"
        disabled={props.disabled}
        value={form.text(path, props.value)}
        onInput={(e) => form.update(path, toNumber(e.currentTarget.value), e.currentTarget.value)}
      />
    </Field>
  );
}
