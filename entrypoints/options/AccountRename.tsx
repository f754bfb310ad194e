import { useEffect, useRef, useState } from 'preact/hooks';
import { cleanName, MAX_ACCOUNT_NAME, type Account } from '@/lib/accounts/accounts';
import { t } from '@/lib/display/i18n';
import { askWorker, type MessageApi } from '@/lib/messages';
import { accountErrorText } from './account-errors';
import { describedBy, Field } from './fields';

/** The inline form that renames an added login; Escape or Cancel leaves the name as it was. */
export function AccountRename(props: { account: Account; api: MessageApi; onClose: () => void }) {
  const { account } = props;
  const [name, setName] = useState(account.name);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = `acc-rename-${account.id}`;
  useEffect(() => input.current?.select(), []);

  async function submit(event: Event) {
    event.preventDefault();
    const clean = cleanName(name);
    if (!clean) {
      setError(accountErrorText('name', null, Date.now()));
      input.current?.focus();
      return;
    }
    if (clean === account.name) return props.onClose();
    setBusy(true);
    const answer = await askWorker(props.api, {
      type: 'account-rename',
      id: account.id,
      name: clean,
    }).catch(() => null);
    setBusy(false);
    if (answer?.ok) return props.onClose();
    setError(answer ? accountErrorText(answer.error, null, Date.now()) : t('accNoWorker'));
    input.current?.focus();
  }

  return (
    <form
      class="account-rename"
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <Field id={id} label={t('accRenameLabel', account.name)} error={error}>
        <input
          {...describedBy(id, error)}
          ref={input}
          type="text"
          value={name}
          maxLength={MAX_ACCOUNT_NAME * 2}
          autocomplete="off"
          dir="auto"
          readOnly={busy}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </Field>
      <p class="buttons">
        <button type="submit" disabled={busy}>
          {t('accSave')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('accCancel')}
        </button>
      </p>
    </form>
  );
}
