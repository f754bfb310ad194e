import { orgTitle } from '@/lib/accounts/accounts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { historyRepo } from '@/lib/storage/history-repo';
import { routesItem } from '@/lib/storage/items';
import { diagnosticsText } from '@/lib/display/diagnostics';
import { toCsv, toJsonExport } from '@/lib/history/export';
import { formatCount, formatPercent } from '@/lib/display/format';
import { t, uiLocale } from '@/lib/display/i18n';
import { importBounds, sortOutDamaged } from '@/lib/history/import';
import { orgsItem, statusItem } from '@/lib/storage/items';
import { type Settings } from '@/lib/settings';
import { useImport } from './use-import';

const repo = historyRepo;

/** "3.2 MB" with the locale's number and unit style. */
const megabytes = (bytes: number) =>
  new Intl.NumberFormat(uiLocale(), {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(bytes / 1e6);

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
  const [exportError, setExportError] = useState('');
  const [diagnostics, setDiagnostics] = useState('');
  const importer = useImport(
    repo,
    settings.history,
    (text) => {
      setMessage(text);
      void refresh();
    },
    (bytes) => t('importTooLarge', megabytes(bytes)),
  );
  const importing = importer.progress !== null;
  const fileInput = useRef<HTMLInputElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const wasImporting = useRef(false);
  // The file input is disabled while an import runs: keep the keyboard's place on Cancel, then back.
  useEffect(() => {
    if (importing) cancelButton.current?.focus();
    else if (wasImporting.current) fileInput.current?.focus();
    wasImporting.current = importing;
  }, [importing]);

  async function refresh() {
    const readings = await (await repo()).count();
    setCount(readings);
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
        readings,
        userAgent: navigator.userAgent,
        channels: routes.channels,
      }),
    );
  }
  useEffect(() => void refresh(), []);
  // Diagnostics list the alert channels: keep them current as channels are added or removed.
  useEffect(() => routesItem.watch(() => void refresh()), []);

  const stamp = () => new Date().toISOString().slice(0, 10);

  /** Run an export; a failure is said beside the buttons, with what to do, not only logged. */
  async function exporting(make: () => Promise<void>) {
    setExportError('');
    try {
      await make();
    } catch (error) {
      console.error('Export failed', error);
      setExportError(t('dataExportFailed', error instanceof Error ? error.message : String(error)));
    }
  }

  /** Every stored reading an import would accept; damage from an earlier import is said, not written. */
  async function soundReadings() {
    const { sound, damaged } = sortOutDamaged(
      await (await repo()).all(),
      importBounds(Date.now(), settings.history),
    );
    setMessage(damaged > 0 ? t('dataExportLeftOut', formatCount(damaged)) : '');
    return sound;
  }

  async function exportCsv() {
    const orgs = await orgsItem.getValue();
    const names = Object.fromEntries(
      [...(orgs.gone ?? []), ...orgs.list].map((o) => [o.uuid, orgTitle(o)]),
    );
    const readings = await soundReadings();
    download(`claude-usage-${stamp()}.csv`, 'text/csv', toCsv(readings, names));
  }

  async function exportJson() {
    download(
      `claude-usage-${stamp()}.json`,
      'application/json',
      JSON.stringify(toJsonExport(await soundReadings(), settings, Date.now())),
    );
  }

  async function clear() {
    const n = await (await repo()).count();
    if (!confirm(t('dataClearConfirm', formatCount(n)))) return;
    await (await repo()).clear();
    setMessage(t('dataDeleted', formatCount(n)));
    await refresh();
  }

  return (
    <>
      <section aria-labelledby="data">
        <h2 id="data">{t('dataTitle')}</h2>
        <p>
          {count === null ? t('dataCounting') : t('dataReadingsKept', formatCount(count))}
          {usage !== null && ` · ${t('dataStorageUsed', megabytes(usage))}`}
        </p>
        <div class="buttons">
          <button type="button" onClick={() => void exporting(exportCsv)}>
            {t('dataExportCsv')}
          </button>
          <button type="button" onClick={() => void exporting(exportJson)}>
            {t('dataExportJson')}
          </button>
          <label class={`button${importing ? ' disabled' : ''}`}>
            {t('dataImportJson')}
            <input
              type="file"
              accept="application/json,.json"
              class="visually-hidden"
              ref={fileInput}
              disabled={importing}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                // Cleared so that choosing the same file again still imports it.
                e.currentTarget.value = '';
                if (!file) return;
                setMessage('');
                void importer.start(file);
              }}
            />
          </label>
          <button type="button" class="danger" disabled={importing} onClick={() => void clear()}>
            {t('dataClear')}
          </button>
        </div>
        {exportError && (
          <p class="error" role="alert">
            {exportError}
          </p>
        )}
        {importing && (
          <div class="import-progress">
            <progress
              max={100}
              value={Math.round((importer.progress ?? 0) * 100)}
              aria-label={t('dataImportProgress')}
            />
            <span>{t('dataImporting', formatPercent((importer.progress ?? 0) * 100))}</span>
            <button type="button" ref={cancelButton} onClick={importer.cancel}>
              {t('dataImportCancel')}
            </button>
          </div>
        )}
        <p role="status">{message}</p>
      </section>

      <section aria-labelledby="diagnostics">
        <h2 id="diagnostics">{t('dataDiagnostics')}</h2>
        <details>
          <summary>{t('optShowDiagnostics')}</summary>
          <pre>{diagnostics}</pre>
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard
                .writeText(diagnostics)
                .then(() => setMessage(t('dataDiagnosticsCopied')))
            }
          >
            {t('dataCopyDiagnostics')}
          </button>
        </details>
      </section>
    </>
  );
}
