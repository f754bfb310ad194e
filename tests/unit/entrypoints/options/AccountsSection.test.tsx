// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AccountsSection } from '../../../../entrypoints/options/AccountsSection';
import type { Account, AccountError } from '../../../../lib/accounts/accounts';
import type { AccountResult, Message } from '../../../../lib/messages';
import { EMPTY_STATUS } from '../../../../lib/settings';
import { accountsItem, orgsItem, statusItem } from '../../../../lib/storage/items';
import type { Org } from '../../../../lib/usage/types';

const KEY = 'sk-ant-sid01-Abcdefgh_ijkl-4f2a';
const WORK: Account = { id: 'a12345678', name: 'Work', masked: 'sk-ant-…•••4f2a', addedAt: 1 };
const OWN_ORG: Org = { uuid: 'org-own', name: 'Personal', plan: 'Pro' };
const WORK_ORG: Org = {
  uuid: `${WORK.id}/org-acme`,
  name: 'Acme',
  plan: 'Team',
  account: { id: WORK.id, name: WORK.name },
};

/** The worker, answering each message with `answer` (or never, when it is a pending promise). */
function worker(answer: (m: Message) => Promise<unknown>) {
  return vi
    .spyOn(fakeBrowser.runtime, 'sendMessage')
    .mockImplementation(((m: Message) => answer(m)) as never);
}
const answering = (result: AccountResult | { ok: true }) => worker(() => Promise.resolve(result));
const sent = (spy: ReturnType<typeof worker>) =>
  spy.mock.calls.map((call) => call[0] as unknown as Message);

const keyInput = () =>
  screen.getByLabelText('Session key (the sessionKey cookie)') as HTMLInputElement;
const nameInput = () => screen.getByLabelText('Account name') as HTMLInputElement;

function fillAndAdd(name: string, key: string) {
  fireEvent.input(nameInput(), { target: { value: name } });
  fireEvent.input(keyInput(), { target: { value: key } });
  fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
}

/** The error shown beside a field, and that the field points at it for screen readers. */
function errorBeside(input: HTMLInputElement): string {
  expect(input.getAttribute('aria-invalid')).toBe('true');
  const id = input.getAttribute('aria-describedby')!.split(' ')[0]!;
  return document.getElementById(id)!.textContent!;
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('AccountsSection: adding an account', () => {
  it('refuses a paste that is not a session key and sends nothing', async () => {
    const spy = answering({ ok: true, id: WORK.id, orgs: 1 });
    render(<AccountsSection />);
    fillAndAdd('Work', 'my password 123');
    await waitFor(() => expect(errorBeside(keyInput())).toContain('not a claude.ai session key'));
    expect(spy).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(keyInput());
  });

  it('refuses an empty name and sends nothing', async () => {
    const spy = answering({ ok: true, id: WORK.id, orgs: 1 });
    render(<AccountsSection />);
    fillAndAdd('   ', KEY);
    await waitFor(() =>
      expect(errorBeside(nameInput())).toBe('Give it a name of 1 to 40 characters.'),
    );
    expect(spy).not.toHaveBeenCalled();
  });

  it('sends the cleaned key, says so while claude.ai is asked, then clears the key', async () => {
    let resolve!: (r: AccountResult) => void;
    const spy = worker(() => new Promise((r) => (resolve = r)));
    render(<AccountsSection />);
    fillAndAdd(' Work ', ` sessionKey=${KEY}; `);
    expect(await screen.findByText('Checking with claude.ai…')).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Add account' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    // A second click while claude.ai is asked sends nothing more.
    fireEvent.click(button);
    expect(sent(spy)).toEqual([{ type: 'account-add', name: 'Work', key: KEY }]);
    resolve({ ok: true, id: WORK.id, orgs: 2 });
    expect(await screen.findByText('Added: 2 organisations')).toBeTruthy();
    expect(keyInput().value).toBe('');
    expect(nameInput().value).toBe('');
    expect(keyInput().getAttribute('aria-invalid')).toBeNull();
  });

  it('never renders the key into the page, whether hidden or shown', async () => {
    render(<AccountsSection />);
    fireEvent.input(keyInput(), { target: { value: KEY } });
    expect(keyInput().type).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(keyInput().type).toBe('text');
    expect(keyInput().value).toBe(KEY);
    const attributes = [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].map((a) => a.value),
    );
    expect(attributes.filter((value) => value.includes(KEY.slice(12)))).toEqual([]);
    expect(document.body.textContent).not.toContain(KEY.slice(12));
    expect(keyInput().getAttribute('autocomplete')).toBe('off');
  });

  const NOW = Date.now();
  it.each<[AccountError, string, number | null]>([
    ['rejected', 'claude.ai does not accept this key: it may be wrong or expired.', null],
    ['no_chat_org', 'This key works, but its login has no organisation with Claude chat.', null],
    ['duplicate', 'This login is already here', null],
    ['too_many', 'At most 8 accounts can be added', null],
    ['rate_limited', 'claude.ai asks us to wait: try again after ', NOW + 600_000],
    ['rate_limited', 'claude.ai asks us to wait: try again in a few minutes.', null],
    ['unreachable', 'claude.ai did not answer: check the connection and try again.', null],
    ['unsupported', 'This browser cannot attach a key safely', null],
    ['format', 'This is not a claude.ai session key', null],
  ])(
    'shows %s beside the key field, keeps nothing and clears the key',
    async (error, text, until) => {
      answering({ ok: false, error, until });
      render(<AccountsSection />);
      fillAndAdd('Work', KEY);
      await waitFor(() => expect(errorBeside(keyInput())).toContain(text));
      expect(keyInput().value).toBe('');
      expect(nameInput().value).toBe('Work');
      expect(screen.queryByText(/^Added/)).toBeNull();
      if (until) expect(errorBeside(keyInput())).toMatch(/after \d/);
    },
  );

  it('shows a name refused by the worker beside the name field', async () => {
    answering({ ok: false, error: 'name' });
    render(<AccountsSection />);
    fillAndAdd('Work', KEY);
    await waitFor(() => expect(errorBeside(nameInput())).toContain('Give it a name'));
    expect(keyInput().getAttribute('aria-invalid')).toBeNull();
  });

  it('says the background did not answer when the message fails', async () => {
    worker(() => Promise.reject(new Error('Could not establish connection')));
    render(<AccountsSection />);
    fillAndAdd('Work', KEY);
    await waitFor(() => expect(errorBeside(keyInput())).toContain('did not answer'));
  });
});

describe('AccountsSection: the logins shown', () => {
  it('shows the browser’s own login first, with its organisations and no remove button', async () => {
    await orgsItem.setValue({ list: [OWN_ORG, WORK_ORG], discoveredAt: 1 });
    await accountsItem.setValue([WORK]);
    render(<AccountsSection />);
    const own = await screen.findByRole('list', {
      name: 'Organisations of This browser’s claude.ai login',
    });
    expect(within(own).getByText('Personal')).toBeTruthy();
    expect(within(own).queryByText('Acme')).toBeNull();
    const work = await screen.findByRole('list', { name: 'Organisations of Work' });
    expect(within(work).getByText('Acme').textContent).toBe('Acme');
    expect(within(work).getByText('Team')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Remove/ })).toHaveLength(1);
    expect(screen.getByText('sk-ant-…•••4f2a')).toBeTruthy();
  });

  it('says an account is working, or not read yet', async () => {
    const now = Date.now();
    await orgsItem.setValue({ list: [WORK_ORG], discoveredAt: 1 });
    await accountsItem.setValue([WORK, { ...WORK, id: 'a99999999', name: 'Home' }]);
    await statusItem.setValue({
      ...EMPTY_STATUS,
      // The browser login's own failure must not be taken for an account's.
      lastError: { kind: 'signed_out', at: now },
      byOrg: { [WORK_ORG.uuid]: { lastSuccessAt: now - 60_000, lastError: null } },
    });
    render(<AccountsSection />);
    expect(await screen.findByText(/^Working · Updated/)).toBeTruthy();
    expect(screen.getByText(/^Not read yet/)).toBeTruthy();
    expect(screen.queryByText(/Session key expired/)).toBeNull();
  });

  it('asks for a new key when the account’s key expired, and sends it for that account', async () => {
    const now = Date.now();
    await orgsItem.setValue({ list: [OWN_ORG, WORK_ORG], discoveredAt: 1 });
    await accountsItem.setValue([WORK]);
    await statusItem.setValue({
      ...EMPTY_STATUS,
      byOrg: {
        [OWN_ORG.uuid]: { lastSuccessAt: now, lastError: null },
        [WORK_ORG.uuid]: {
          lastSuccessAt: now - 3_600_000,
          lastError: { kind: 'signed_out', at: now },
        },
      },
    });
    const spy = answering({ ok: true, id: WORK.id, orgs: 1 });
    render(<AccountsSection />);
    expect(await screen.findByText('Session key expired: paste a new one')).toBeTruthy();
    const field = document.getElementById(`acc-key-${WORK.id}`) as HTMLInputElement;
    expect(field.type).toBe('password');
    fireEvent.input(field, { target: { value: 'nonsense' } });
    fireEvent.click(screen.getByRole('button', { name: 'Replace key' }));
    await waitFor(() => expect(errorBeside(field)).toContain('not a claude.ai session key'));
    expect(spy).not.toHaveBeenCalled();
    fireEvent.input(field, { target: { value: KEY } });
    fireEvent.click(screen.getByRole('button', { name: 'Replace key' }));
    await waitFor(() =>
      expect(sent(spy)).toEqual([{ type: 'account-key', id: WORK.id, key: KEY }]),
    );
    expect(await screen.findByText(/^New key accepted/)).toBeTruthy();
    expect(field.value).toBe('');
  });
});

describe('AccountsSection: renaming and removing', () => {
  beforeEach(() => accountsItem.setValue([WORK]));

  it.each([
    ['keeps', true],
    ['deletes', false],
  ])('removes an account and %s its history as chosen', async (_, keepHistory) => {
    const spy = answering({ ok: true });
    render(<AccountsSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Work' }));
    const confirm = screen.getByRole('group', { name: 'Remove “Work”?' });
    expect(
      within(confirm).getByText(/session key is deleted from this browser at once/),
    ).toBeTruthy();
    const keep = within(confirm).getByLabelText(/^Keep its history/) as HTMLInputElement;
    expect(keep.checked).toBe(true);
    if (!keepHistory) fireEvent.click(within(confirm).getByLabelText('Delete its history too'));
    expect(spy).not.toHaveBeenCalled();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Remove account' }));
    await waitFor(() =>
      expect(sent(spy)).toEqual([{ type: 'account-remove', id: WORK.id, keepHistory }]),
    );
    await waitFor(() => expect(document.activeElement?.id).toBe('accounts-h'));
  });

  it('sends nothing when the removal is cancelled', async () => {
    const spy = answering({ ok: true });
    render(<AccountsSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Work' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Remove “Work”?' })).toBeNull();
    expect(spy).not.toHaveBeenCalled();
  });

  it('renames only to a valid name', async () => {
    const spy = answering({ ok: true });
    render(<AccountsSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Rename Work' }));
    const input = screen.getByLabelText('New name for Work') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'x'.repeat(41) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(errorBeside(input)).toContain('1 to 40 characters'));
    expect(spy).not.toHaveBeenCalled();
    fireEvent.input(input, { target: { value: '  Office ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(sent(spy)).toEqual([{ type: 'account-rename', id: WORK.id, name: 'Office' }]),
    );
    await waitFor(() => expect(screen.queryByLabelText('New name for Work')).toBeNull());
  });
});

describe('AccountsSection at the most accounts', () => {
  it('offers no add form and says why', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `a0000000${i}`);
    await accountsItem.setValue(ids.map((id) => ({ ...WORK, id, name: id })));
    render(<AccountsSection />);
    expect(await screen.findByText(/At most 8 accounts can be added/)).toBeTruthy();
    expect(screen.queryByLabelText('Session key (the sessionKey cookie)')).toBeNull();
  });
});

describe('AccountsSection in Firefox', () => {
  it('says adding accounts needs a Chromium browser, and has no add form', async () => {
    vi.stubEnv('FIREFOX', 'true');
    render(<AccountsSection />);
    expect(await screen.findByText(/available in Chromium browsers only/)).toBeTruthy();
    expect(screen.queryByLabelText('Session key (the sessionKey cookie)')).toBeNull();
    expect(screen.getByText('This browser’s claude.ai login')).toBeTruthy();
    vi.unstubAllEnvs();
  });
});
