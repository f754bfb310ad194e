import { useEffect, useRef, useState } from 'preact/hooks';
import type { Account } from '@/lib/accounts/accounts';
import { t } from '@/lib/display/i18n';
import { askWorker, type MessageApi } from '@/lib/messages';
import { accountErrorText } from './account-errors';

/**
 * The confirmation before an added login is removed: its key goes at once either way; its
 * history is kept unless the person chooses otherwise (keeping is the default, as it loses nothing).
 */
export function AccountRemove(props: { account: Account; api: MessageApi; onClose: () => void }) {
  const { account } = props;
  const [keepHistory, setKeepHistory] = useState(true);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const titleId = `acc-remove-${account.id}`;
  const name = `keep-${account.id}`;

  async function remove() {
    setBusy(true);
    const answer = await askWorker(props.api, {
      type: 'account-remove',
      id: account.id,
      keepHistory,
    }).catch(() => null);
    setBusy(false);
    // On success the account leaves storage, and this confirmation with it: the focus goes to
    // the section's heading rather than to the page's start.
    if (answer?.ok) document.getElementById('accounts-h')?.focus();
    else setError(answer ? accountErrorText(answer.error, null, Date.now()) : t('accNoWorker'));
  }

  return (
    <div
      class="account-remove"
      role="group"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <p id={titleId} class="account-remove-title" dir="auto">
        {t('accRemoveTitle', account.name)}
      </p>
      <p class="hint">{t('accRemoveKeyGone')}</p>
      <fieldset>
        <legend class="visually-hidden">{t('accHistoryLegend')}</legend>
        <label class="check">
          <input
            ref={first}
            type="radio"
            name={name}
            checked={keepHistory}
            onChange={() => setKeepHistory(true)}
          />
          {t('accKeepHistory')}
        </label>
        <label class="check">
          <input
            type="radio"
            name={name}
            checked={!keepHistory}
            onChange={() => setKeepHistory(false)}
          />
          {t('accDeleteHistory')}
        </label>
      </fieldset>
      <p class="buttons">
        <button type="button" class="danger" disabled={busy} onClick={() => void remove()}>
          {t('accRemoveConfirm')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('accCancel')}
        </button>
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
