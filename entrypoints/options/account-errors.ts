import { MAX_ACCOUNT_NAME, MAX_ACCOUNTS, type AccountError } from '@/lib/accounts/accounts';
import { formatClock } from '@/lib/display/format';
import { t } from '@/lib/display/i18n';

/**
 * What went wrong with a pasted key or a name, in words that say what to do. `until` is when
 * claude.ai lets us ask again (`rate_limited`); `now` formats it.
 */
export function accountErrorText(
  error: AccountError,
  until: number | null | undefined,
  now: number,
): string {
  switch (error) {
    case 'format':
      return t('accErrFormat');
    case 'name':
      return t('accErrName', MAX_ACCOUNT_NAME);
    case 'rejected':
      return t('accErrRejected');
    case 'no_chat_org':
      return t('accErrNoChatOrg');
    case 'duplicate':
      return t('accErrDuplicate');
    case 'too_many':
      return t('accErrTooMany', MAX_ACCOUNTS);
    case 'rate_limited':
      return until && until > now
        ? t('accErrRateLimited', formatClock(until, now))
        : t('accErrRateLimitedSoon');
    case 'unreachable':
      return t('accErrUnreachable');
    case 'unsupported':
      return t('accErrUnsupported');
    case 'unknown_account':
      return t('accErrUnknownAccount');
  }
}

/** Errors about the name; every other one belongs beside the key field. */
export const isNameError = (error: AccountError) => error === 'name';
