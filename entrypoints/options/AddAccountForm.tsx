import { useState } from 'preact/hooks';
import { cleanName, MAX_ACCOUNT_NAME } from '@/lib/accounts/accounts';
import { t } from '@/lib/display/i18n';
import { askWorker, type MessageApi } from '@/lib/messages';
import { accountErrorText } from './account-errors';
import { describedBy, Field } from './fields';
import { KeyField, KeySteps, KeySubmit } from './KeyField';
import { useKeyForm } from './use-key-form';

/** The words for a login just added: how many organisations it brought. */
export function addedText(orgs: number): string {
  return orgs === 1 ? t('accAddedOne') : t('accAddedMany', orgs);
}

/**
 * "Add account": a name and a pasted session key. A paste that is not a key is refused here and
 * nothing is sent; a key is checked by the worker with claude.ai before anything is kept.
 */
export function AddAccountForm({ api }: { api: MessageApi }) {
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState('');
  const [result, setResult] = useState('');
  const form = useKeyForm();

  async function submit(event: Event) {
    event.preventDefault();
    if (form.busy) return;
    setResult('');
    const clean = cleanName(name);
    setNameError(clean ? '' : accountErrorText('name', null, Date.now()));
    const key = form.takeKey();
    if (!clean) document.getElementById('acc-name')?.focus();
    if (!clean || !key) return;
    const answer = await form.send(() => askWorker(api, { type: 'account-add', name: clean, key }));
    if (answer?.ok) {
      setName('');
      setResult(addedText(answer.orgs));
    } else if (answer?.error === 'name') {
      setNameError(accountErrorText('name', null, Date.now()));
      document.getElementById('acc-name')?.focus();
    }
  }

  return (
    <form class="account-add" onSubmit={(e) => void submit(e)} noValidate>
      <h3 id="acc-add-h">{t('accAddTitle')}</h3>
      <Field id="acc-name" label={t('accNameLabel')} error={nameError}>
        <input
          {...describedBy('acc-name', nameError)}
          type="text"
          value={name}
          maxLength={MAX_ACCOUNT_NAME * 2}
          placeholder={t('accNamePlaceholder')}
          autocomplete="off"
          dir="auto"
          readOnly={form.busy}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </Field>
      <KeySteps />
      <KeyField id="acc-key" inputRef={form.keyRef} error={form.keyError} busy={form.busy} />
      <KeySubmit label={t('accAddButton')} busy={form.busy} result={result} />
    </form>
  );
}
