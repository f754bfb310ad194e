import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// The shipped build, as a store reviewer would read it. No browser needed.
const OUT = new URL('../../.output/chrome-mv3/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

test.describe('the production build', () => {
  test('asks for exactly alarms, storage, notifications and claude.ai', () => {
    const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    // declarativeNetRequestWithHostAccess: added accounts' keys, on claude.ai only, no install warning.
    expect([...manifest.permissions].sort()).toEqual([
      'alarms',
      'declarativeNetRequestWithHostAccess',
      'notifications',
      'storage',
    ]);
    expect(manifest.host_permissions).toEqual(['https://claude.ai/*']);
    // Keys are attached by session rules the worker writes for its own requests; a static rule
    // set would act on every request the browser makes, the person's tabs included.
    expect(manifest.declarative_net_request).toBeUndefined();
    // The in-page meter: one script, on claude.ai only, under the host access already held.
    expect(manifest.content_scripts).toEqual([
      {
        matches: ['https://claude.ai/*'],
        run_at: 'document_idle',
        js: ['content-scripts/claude.js'],
      },
    ]);
    for (const resource of manifest.web_accessible_resources ?? [])
      expect(resource.matches).toEqual(['https://claude.ai/*']);
    // Anything more may only be optional, asked for at the moment of use.
    for (const p of manifest.optional_permissions ?? []) expect(['tabs']).not.toContain(p);
    // Channel hosts are asked for one at a time when a channel is added, never granted up front.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    const csp = JSON.stringify(manifest.content_security_policy ?? {});
    expect(csp).not.toMatch(/https?:/);
  });

  test('loads no remote code and never touches cookies', () => {
    const all = files(OUT);
    for (const file of all.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
      expect(html, file).not.toMatch(/<link[^>]+href=["']?(https?:)?\/\//i);
    }
    for (const file of all.filter((f) => f.endsWith('.js'))) {
      const js = readFileSync(file, 'utf8');
      expect(js, file).not.toMatch(/document\.cookie|\bcookies\.(get|getAll)\(/);
      expect(js, file).not.toMatch(/\beval\(|new Function\(/);
      expect(js, file).not.toMatch(/import\(\s*["']https?:/);
    }
  });

  test("only the in-page meter looks at a cookie, and only at claude.ai's organisation one", () => {
    const scripts = files(OUT).filter((f) => f.endsWith('.js'));
    const asking = scripts.filter((f) => /cookieStore/.test(readFileSync(f, 'utf8')));
    expect(asking.map((f) => f.slice(OUT.length))).toEqual(['content-scripts/claude.js']);
    const meter = readFileSync(join(OUT, 'content-scripts', 'claude.js'), 'utf8');
    expect(
      meter.match(/["'`]lastActiveOrg["'`]/g) ?? [],
      'the organisation cookie, by name',
    ).toHaveLength(1);
    expect(/sessionKey/.test(meter), 'the session cookie is never named').toBe(false);
  });
});
