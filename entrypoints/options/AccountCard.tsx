import { useRef, useState } from 'preact/hooks';
import type { AccountState } from '@/lib/accounts/account-state';
import type { Account } from '@/lib/accounts/accounts';
import { t } from '@/lib/display/i18n';
import { askWorker, type MessageApi } from '@/lib/messages';
import { statusText } from '@/lib/display/status-text';
import type { Org } from '@/lib/usage/types';
import { AccountRemove } from './AccountRemove';
import { AccountRename } from './AccountRename';
import { KeyField, KeySteps, KeySubmit } from './KeyField';
import { useKeyForm } from './use-key-form';

/** An organisation's name and plan, cut when long; whole in the tooltip. */
export function OrgLine({ org }: { org: Org }) {
  const title = org.plan ? `${org.name} (${org.plan})` : org.name;
  return (
    <li class="account-org" title={title}>
      <bdi class="cut">{org.name}</bdi>
      {org.plan && <span class="plan">{org.plan}</span>}
    </li>
  );
}

function stateText(state: AccountState, now: number): string {
  const line = (failure: Parameters<typeof statusText>[0]['failure'], at: number | null) =>
    statusText({
      failure,
      lastSuccessAt: at,
      nextPollAt: null,
      stale: false,
      refreshing: false,
      now,
    }).text;
  if (state.kind === 'pending') return t('accPending');
  if (state.kind === 'working') return t('accWorking', line(null, state.lastSuccessAt));
  if (state.kind === 'failing') return line(state.failure, state.lastSuccessAt);
  return t('accExpired');
}

/** A new key for a login whose key claude.ai no longer takes; its history stays. */
function ReplaceKey({ account, api }: { account: Account; api: MessageApi }) {
  const form = useKeyForm();
  const [result, setResult] = useState('');
  const id = `acc-key-${account.id}`;

  async function submit(event: Event) {
    event.preventDefault();
    if (form.busy) return;
    setResult('');
    const key = form.takeKey();
    if (!key) return;
    const answer = await form.send(() =>
      askWorker(api, { type: 'account-key', id: account.id, key }),
    );
    if (answer?.ok) setResult(t('accKeyReplaced'));
  }

  return (
    <form class="account-replace" noValidate onSubmit={(e) => void submit(e)}>
      <KeyField id={id} inputRef={form.keyRef} error={form.keyError} busy={form.busy} />
      <KeySubmit label={t('accReplaceKey')} busy={form.busy} result={result} />
    </form>
  );
}

/** One added login: its name and masked key, its organisations, how it is doing, and its actions. */
export function AccountCard(props: {
  account: Account;
  orgs: Org[];
  state: AccountState;
  now: number;
  api: MessageApi;
}) {
  const { account, state, api } = props;
  const [mode, setMode] = useState<'view' | 'rename' | 'remove'>('view');
  const renameButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const close = (back: typeof renameButton) => {
    setMode('view');
    // Back to the button that opened it, once it is drawn again.
    setTimeout(() => back.current?.focus());
  };
  const expired = state.kind === 'expired';

  return (
    <li class={`account${expired ? ' expired' : ''}`}>
      <div class="account-head">
        <div class="account-id">
          <bdi class="account-name cut" title={account.name}>
            {account.name}
          </bdi>
          <span class="hint">
            {t('accKeyShown')} <code>{account.masked}</code>
          </span>
        </div>
        {mode === 'view' && (
          <div class="account-actions">
            <button
              type="button"
              ref={renameButton}
              aria-label={t('accRenameNamed', account.name)}
              onClick={() => setMode('rename')}
            >
              {t('accRename')}
            </button>
            <button
              type="button"
              class="danger"
              ref={removeButton}
              aria-label={t('accRemoveNamed', account.name)}
              onClick={() => setMode('remove')}
            >
              {t('accRemove')}
            </button>
          </div>
        )}
      </div>
      {mode === 'rename' && (
        <AccountRename account={account} api={api} onClose={() => close(renameButton)} />
      )}
      {mode === 'remove' && (
        <AccountRemove account={account} api={api} onClose={() => close(removeButton)} />
      )}
      {props.orgs.length > 0 && (
        <ul class="account-orgs" aria-label={t('accOrgsOf', account.name)}>
          {props.orgs.map((org) => (
            <OrgLine key={org.uuid} org={org} />
          ))}
        </ul>
      )}
      <p class={`account-state ${state.kind}`}>{stateText(state, props.now)}</p>
      {expired && (
        <>
          <p class="hint">{t('accExpiredHow')}</p>
          <KeySteps open />
          <ReplaceKey account={account} api={api} />
        </>
      )}
    </li>
  );
}
