import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '@/lib/display/i18n';

/** How every session key begins: the field's placeholder, the same in every language. */
const KEY_START = 'sk-ant-sid…';

/** Where a person finds a claude.ai session key, in Chromium browsers and in Firefox. */
export function KeySteps({ open = false }: { open?: boolean }) {
  return (
    <details class="key-steps" open={open}>
      <summary>{t('accStepsSummary')}</summary>
      <p>{t('accStepsIntro')}</p>
      <ol>
        <li>{t('accStepsChrome')}</li>
        <li>{t('accStepsFirefox')}</li>
      </ol>
      <p>{t('accStepsClose')}</p>
    </details>
  );
}

/**
 * The field a session key is pasted into. The key is never held in component state: the input
 * keeps it (read through `inputRef` when the form is sent, and emptied there), so nothing renders
 * it back, and it appears in no attribute. The show/hide toggle only changes the input's type.
 */
export function KeyField(props: {
  id: string;
  inputRef: RefObject<HTMLInputElement | null>;
  error?: string;
  busy?: boolean;
}) {
  const { id, error } = props;
  const [shown, setShown] = useState(false);
  const warningId = `${id}-warning`;
  return (
    <div class={`field key-field${error ? ' invalid' : ''}`}>
      <label for={id}>{t('accKeyField')}</label>
      <div class="key-input">
        <input
          id={id}
          ref={props.inputRef}
          // Preact types text and password inputs apart; the toggle switches one input between them.
          type={(shown ? 'text' : 'password') as 'password'}
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          placeholder={KEY_START}
          // Read-only, not disabled, while claude.ai is asked: the focus can come back to it.
          readOnly={props.busy}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error ${warningId}` : warningId}
        />
        <button type="button" aria-controls={id} onClick={() => setShown((s) => !s)}>
          {shown ? t('accHideKey') : t('accShowKey')}
        </button>
      </div>
      {error && (
        <p class="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <p class="hint key-warning" id={warningId}>
        {t('accWarning')}
      </p>
    </div>
  );
}

/** A key form's send button, and what it says while claude.ai is asked and after. */
export function KeySubmit(props: { label: string; busy: boolean; result: string }) {
  return (
    <>
      <p class="buttons">
        {/* aria-disabled, not disabled: a disabled button would drop the focus while claude.ai is asked. */}
        <button type="submit" aria-disabled={props.busy}>
          {props.label}
        </button>
      </p>
      <p role="status" class="hint account-result">
        {props.busy ? t('accChecking') : props.result}
      </p>
    </>
  );
}
