import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { accountState, orgsOfAccount } from '@/lib/accounts/account-state';
import { MAX_ACCOUNTS, type Account } from '@/lib/accounts/accounts';
import { t } from '@/lib/display/i18n';
import type { MessageApi } from '@/lib/messages';
import { EMPTY_STATUS } from '@/lib/settings';
import { accountsItem, orgsItem, statusItem } from '@/lib/storage/items';
import type { Org, PollStatus } from '@/lib/usage/types';
import { AccountCard, OrgLine } from './AccountCard';
import { AddAccountForm } from './AddAccountForm';

/** Pages may read the accounts (names, masked keys), never their keys: all changes go through the worker. */
function useAccountsData() {
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [status, setStatus] = useState<PollStatus>(EMPTY_STATUS);
  useEffect(() => {
    void accountsItem.getValue().then(setAccounts);
    void orgsItem.getValue().then((o) => setOrgs(o.list));
    void statusItem.getValue().then(setStatus);
    const unwatch = [
      accountsItem.watch((next) => setAccounts(next ?? [])),
      orgsItem.watch((next) => setOrgs(next?.list ?? [])),
      statusItem.watch((next) => setStatus(next ?? EMPTY_STATUS)),
    ];
    return () => unwatch.forEach((stop) => stop());
  }, []);
  return { accounts, orgs, status };
}

/**
 * Firefox cannot keep a pasted key to the extension's own requests (see the README). The build
 * defines the flag as a boolean; the unit tests' environment gives it as text.
 */
const onFirefox = () => String(import.meta.env.FIREFOX) === 'true';

/** "Last read 3 min ago" must age while the page stays open. */
function useMinuteClock(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * Options → Accounts: the browser's own claude.ai login (always first, nothing to set up), each
 * added login with its state and actions, and the form that adds one (Chromium only).
 */
export function AccountsSection({ api = browser as MessageApi }: { api?: MessageApi }) {
  const { accounts, orgs, status } = useAccountsData();
  const now = useMinuteClock();
  const own = orgs.filter((org) => !org.account);

  return (
    <section id="accounts" aria-labelledby="accounts-h">
      {/* Focusable so the focus has a place to go when the account it was on is removed. */}
      <h2 id="accounts-h" tabIndex={-1}>
        {t('optSecAccounts')}
      </h2>
      <p class="hint">{t('accIntro')}</p>
      <ul class="accounts">
        <li class="account own">
          <div class="account-head">
            <strong class="account-name">{t('accBrowserLogin')}</strong>
          </div>
          {own.length > 0 ? (
            <ul class="account-orgs" aria-label={t('accOrgsOf', t('accBrowserLogin'))}>
              {own.map((org) => (
                <OrgLine key={org.uuid} org={org} />
              ))}
            </ul>
          ) : (
            <p class="hint">{t('accBrowserNoOrgs')}</p>
          )}
          <p class="hint">{t('accBrowserHint')}</p>
        </li>
        {accounts.map((account) => (
          <AccountCard
            key={account.id}
            account={account}
            orgs={orgsOfAccount(orgs, account.id)}
            state={accountState(account, orgs, status)}
            now={now}
            api={api}
          />
        ))}
      </ul>
      {onFirefox() ? (
        <p class="hint">{t('accFirefoxOnly')}</p>
      ) : accounts.length >= MAX_ACCOUNTS ? (
        <p class="hint">{t('accErrTooMany', MAX_ACCOUNTS)}</p>
      ) : (
        <AddAccountForm api={api} />
      )}
    </section>
  );
}
