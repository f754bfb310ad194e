import { describe, expect, it } from 'vitest';
import { addressOrg, dashboardPath } from '../../../lib/display/dashboard-address';

const ORGS = [{ uuid: 'aaaaaaaa-0000-4000-8000-000000000001' }, { uuid: 'b&c=d?#e' }];

describe('the dashboard address', () => {
  it('opens on an organisation, its id written safely into the address', () => {
    expect(dashboardPath()).toBe('/dashboard.html');
    expect(dashboardPath(null)).toBe('/dashboard.html');
    expect(dashboardPath(ORGS[0]!.uuid)).toBe(`/dashboard.html?org=${ORGS[0]!.uuid}`);
    const hostile = dashboardPath(ORGS[1]!.uuid);
    expect(hostile).toBe('/dashboard.html?org=b%26c%3Dd%3F%23e');
    expect(new URL(hostile, 'https://x.test').searchParams.get('org')).toBe(ORGS[1]!.uuid);
  });

  it('names an organisation only when it is one the page knows', () => {
    expect(addressOrg(`?range=1y&org=${ORGS[0]!.uuid}`, ORGS)).toBe(ORGS[0]!.uuid);
    expect(addressOrg(new URL(dashboardPath(ORGS[1]!.uuid), 'https://x.test').search, ORGS)).toBe(
      ORGS[1]!.uuid,
    );
    expect(addressOrg('?org=someone-else', ORGS)).toBeNull();
    expect(addressOrg('?range=1y', ORGS)).toBeNull();
    expect(addressOrg('', [])).toBeNull();
  });
});
