import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createSnapshotRepo, openUsageDb } from '@/lib/db';
import { routesItem } from '@/lib/channels/store';
import { diagnosticsText } from '@/lib/diagnostics';
import { toCsv, toJsonExport } from '@/lib/export';
import { parseImport } from '@/lib/import';
import { orgsItem, statusItem, type Settings } from '@/lib/settings';

const repo = () => openUsageDb().then(createSnapshotRepo);

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The history a person owns: export, import, clear, how much is kept; and diagnostics. */
export function DataPanel({ settings }: { settings: Settings }) {
  const [count, setCount] = useState<number | null>(null);
  const [usage, setUsage] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const [diagnostics, setDiagnostics] = useState('');

  async function refresh() {
    setCount(await (await repo()).count());
    setUsage((await navigator.storage.estimate()).usage ?? null);
    const [status, orgs, permissions, routes] = await Promise.all([
      statusItem.getValue(),
      orgsItem.getValue(),
      browser.permissions.getAll(),
      routesItem.getValue(),
    ]);
    setDiagnostics(
      diagnosticsText({
        version: browser.runtime.getManifest().version,
        status,
        orgs,
        permissions,
        readings: await (await repo()).count(),
        userAgent: navigator.userAgent,
        channels: routes.channels,
      }),
    );
  }
  useEffect(() => void refresh(), []);

  const stamp = () => new Date().toISOString().slice(0, 10);

  async function exportCsv() {
    const orgs = await orgsItem.getValue();
    const names = Object.fromEntries(
      [...(orgs.gone ?? []), ...orgs.list].map((o) => [o.uuid, o.name]),
    );
    download(`claude-usage-${stamp()}.csv`, 'text/csv', toCsv(await (await repo()).all(), names));
  }

  async function exportJson() {
    download(
      `claude-usage-${stamp()}.json`,
      'application/json',
      JSON.stringify(toJsonExport(await (await repo()).all(), settings, Date.now())),
    );
  }

  async function importJson(file: File | undefined) {
    if (!file) return;
    const parsed = parseImport(await file.text());
    if (!parsed.ok) {
      setMessage(`Not imported: ${parsed.reason}`);
      return;
    }
    const before = await (await repo()).count();
    await (await repo()).addMany(parsed.readings);
    const added = (await (await repo()).count()) - before;
    setMessage(`Imported ${parsed.readings.length} readings (${added} new).`);
    await refresh();
  }

  async function clear() {
    const n = await (await repo()).count();
    if (!confirm(`Delete all ${n} readings kept in this browser? This cannot be undone.`)) return;
    await (await repo()).clear();
    setMessage(`Deleted ${n} readings.`);
    await refresh();
  }

  return (
    <>
      <section aria-labelledby="data">
        <h2 id="data">Your data</h2>
        <p>
          {count === null ? 'Counting readings…' : `${count.toLocaleString()} readings kept`}
          {usage !== null && ` · ${(usage / 1e6).toFixed(1)} MB used in this browser`}
        </p>
        <div class="buttons">
          <button type="button" onClick={() => void exportCsv()}>
            Export CSV
          </button>
          <button type="button" onClick={() => void exportJson()}>
            Export JSON
          </button>
          <label class="button">
            Import JSON
            <input
              type="file"
              accept="application/json,.json"
              class="visually-hidden"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                // Cleared so that choosing the same file again still imports it.
                e.currentTarget.value = '';
                void importJson(file);
              }}
            />
          </label>
          <button type="button" class="danger" onClick={() => void clear()}>
            Clear history
          </button>
        </div>
        <p role="status">{message}</p>
      </section>

      <section aria-labelledby="diagnostics">
        <h2 id="diagnostics">Diagnostics</h2>
        <pre>{diagnostics}</pre>
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard
              .writeText(diagnostics)
              .then(() => setMessage('Diagnostics copied.'))
          }
        >
          Copy diagnostics
        </button>
      </section>
    </>
  );
}
