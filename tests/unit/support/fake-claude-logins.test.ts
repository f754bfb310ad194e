import { describe, expect, it } from 'vitest';
import { createLogins, sessionKeyOf, withSessionCookie } from '../../fixtures/fake-claude-logins';

/** The fake claude.ai's logins: the accounts end-to-end tests rely on this routing. */

const SIGNED_OUT = { status: 401, body: { error: 'account_session_invalid' } };
const DEFAULT_USAGE = { body: { five_hour: { utilization: 1 } } };
const WORK_ORG = '7e000000-0000-4000-8000-00000000w0rk';

function logins() {
  const all = createLogins(SIGNED_OUT, DEFAULT_USAGE);
  const work = all.add('sk-ant-sid02-work', {
    organizations: [{ uuid: WORK_ORG, name: 'Work Co' }],
    usage: { [WORK_ORG]: [{ body: 'first' }, { body: 'then' }] },
  });
  return { all, work };
}

describe('the fake claude.ai logins', () => {
  it('reads the session key out of a Cookie header, among other cookies', () => {
    expect(sessionKeyOf('lastActiveOrg=x; sessionKey=sk-ant-sid02-a; other=1')).toBe(
      'sk-ant-sid02-a',
    );
    expect(sessionKeyOf('sessionKey=sk-ant-sid02-b')).toBe('sk-ant-sid02-b');
    expect(sessionKeyOf('notsessionKey=x')).toBeNull();
    expect(sessionKeyOf('sessionKey=')).toBeNull();
    expect(sessionKeyOf(undefined)).toBeNull();
  });

  it('answers an added key with its own organisations and usage queue, others not at all', () => {
    const { all } = logins();
    expect(all.answer('sk-ant-sid02-work', 'GET', '/api/organizations')).toEqual({
      body: [{ uuid: WORK_ORG, name: 'Work Co' }],
    });
    const usage = `/api/organizations/${WORK_ORG}/usage`;
    expect(all.answer('sk-ant-sid02-work', 'GET', usage)?.body).toBe('first');
    expect(all.answer('sk-ant-sid02-work', 'GET', usage)?.body).toBe('then');
    expect(all.answer('sk-ant-sid02-work', 'GET', usage)?.body).toBe('then');
    // Another org of that login gets the default usage; other paths fall through to the fake.
    expect(all.answer('sk-ant-sid02-work', 'GET', '/api/organizations/other/usage')).toBe(
      DEFAULT_USAGE,
    );
    expect(all.answer('sk-ant-sid02-work', 'GET', '/api/bootstrap')).toBeNull();
    expect(all.answer('sk-ant-sid02-work', 'POST', '/api/organizations')).toBeNull();
    expect(all.answer('sk-ant-sid02-test', 'GET', '/api/organizations')).toBeNull();
  });

  it('changes a login later, and expires it alone', () => {
    const { all, work } = logins();
    work.setOrganizations([]);
    work.setUsage('*', { status: 429 });
    expect(all.answer('sk-ant-sid02-work', 'GET', '/api/organizations')?.body).toEqual([]);
    expect(all.answer('sk-ant-sid02-work', 'GET', '/api/organizations/x/usage')?.status).toBe(429);
    all.add('sk-ant-sid02-home', { organizations: [] });
    all.expire('sk-ant-sid02-work');
    expect(all.answer('sk-ant-sid02-work', 'GET', '/api/organizations')).toBe(SIGNED_OUT);
    expect(all.answer('sk-ant-sid02-work', 'GET', '/api/bootstrap')).toBe(SIGNED_OUT);
    expect(all.answer('sk-ant-sid02-home', 'GET', '/api/organizations')?.body).toEqual([]);
    expect(() => all.expire('sk-ant-sid02-never')).toThrow(/no login/);
  });

  it("sets the asked key's cookie on an answer, unless the answer sets one itself", () => {
    const set = withSessionCookie({ status: 200, headers: { 'x-a': '1' } }, 'sk-ant-sid02-k');
    expect(set.headers).toEqual({
      'x-a': '1',
      'set-cookie':
        'sessionKey=sk-ant-sid02-k; Domain=claude.ai; Path=/; Max-Age=2592000; Secure; HttpOnly; SameSite=Lax',
    });
    const own = { headers: { 'Set-Cookie': 'x=1' } };
    expect(withSessionCookie(own, 'sk-ant-sid02-k')).toBe(own);
  });
});
