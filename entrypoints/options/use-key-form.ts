import { useRef, useState } from 'preact/hooks';
import { cleanKey } from '@/lib/accounts/accounts';
import { t } from '@/lib/display/i18n';
import type { AccountResult } from '@/lib/messages';
import { accountErrorText, isNameError } from './account-errors';

/**
 * A form that sends a pasted session key to the worker (adding an account, or a new key for one).
 * The key stays in its input alone: read when sent, and emptied whatever the answer, so it is
 * never kept in the page once claude.ai has been asked.
 */
export function useKeyForm() {
  const keyRef = useRef<HTMLInputElement>(null);
  const [keyError, setKeyError] = useState('');
  const [busy, setBusy] = useState(false);

  const fail = (text: string) => {
    setKeyError(text);
    keyRef.current?.focus();
  };

  /** The cleaned key, or null when the paste is not a session key (then its error shows). */
  function takeKey(): string | null {
    const key = cleanKey(keyRef.current?.value ?? '');
    if (key) setKeyError('');
    else fail(accountErrorText('format', null, Date.now()));
    return key;
  }

  /** Ask the worker; null when it did not answer. Errors about the key show beside its field. */
  async function send(ask: () => Promise<AccountResult>): Promise<AccountResult | null> {
    setBusy(true);
    let answer: AccountResult | null = null;
    try {
      answer = await ask();
    } catch {
      answer = null;
    } finally {
      if (keyRef.current) keyRef.current.value = '';
      setBusy(false);
    }
    if (!answer) fail(t('accNoWorker'));
    else if (!answer.ok && !isNameError(answer.error))
      fail(accountErrorText(answer.error, answer.until, Date.now()));
    return answer;
  }

  return { keyRef, keyError, busy, takeKey, send };
}
