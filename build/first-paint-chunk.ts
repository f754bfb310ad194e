import type { Plugin } from 'vite';

/**
 * The popup's first paint in two files: its own entry and one chunk with everything it shares
 * with the other pages (Preact, formatting, the usage row). Left to itself the bundler splits
 * the shared code by which pages use it, and the popup waits for four files instead of two.
 *
 * The same for what a page loads lazily right after its first paint (`lazy`: the popup's chart
 * and its history database): each in one chunk, not a chain of chunks that each name the next.
 * A page learns a chunk's imports only once that chunk has arrived, and each link of the chain
 * costs a round trip to the extension's files (some 20–25 ms on a busy machine). Such a chunk
 * takes none of the code another page paints first with (the dashboard's cards need the forecast
 * but not the chart), so no page loads more before its first paint than it did.
 *
 * The sets are read from the module graph of each build, so they follow the imports as they
 * change.
 */
export function firstPaintChunk(
  page = '/entrypoints/popup/',
  name = 'ui',
  lazy: Record<string, string[]> = {
    HistoryChart: ['/components/HistoryChart.tsx'],
    // The history's code, and the popup's way to it (which takes the database its HTML opened).
    'history-repo': ['/lib/storage/history-repo.ts', '/lib/storage/early-open.ts'],
  },
): Plugin {
  const shared = new Set<string>();
  const islands = new Map<string, Set<string>>();
  return {
    name: 'first-paint-chunk',
    // Only the pages' build splits code; the worker and scripts are single files.
    outputOptions(options) {
      if (options.format !== 'es') return null;
      const groups = [
        { name, test: (id: string) => shared.has(id) },
        // Named now, filled in by `buildEnd` before the chunks are made.
        ...Object.keys(lazy).map((island) => ({
          name: island,
          test: (id: string) => islands.get(island)?.has(id) ?? false,
          // Only the modules chosen here: a dependency that another page paints with stays out.
          includeDependenciesRecursively: false,
        })),
      ];
      return { ...options, codeSplitting: { groups } };
    },
    buildEnd() {
      shared.clear();
      islands.clear();
      const ids = [...this.getModuleIds()];
      const entries = ids.filter((id) => this.getModuleInfo(id)?.isEntry);
      const reach = (from: string[], lazy: boolean) => {
        const seen = new Set<string>();
        const next = [...from];
        while (next.length > 0) {
          const id = next.pop()!;
          if (seen.has(id)) continue;
          seen.add(id);
          const info = this.getModuleInfo(id);
          next.push(
            ...(info?.importedIds ?? []),
            ...(lazy ? (info?.dynamicallyImportedIds ?? []) : []),
          );
        }
        return seen;
      };
      const ours = entries.filter((id) => id.includes(page));
      if (ours.length === 0) return;
      const others = reach(
        entries.filter((id) => !id.includes(page)),
        true,
      );
      for (const id of reach(ours, false)) if (others.has(id)) shared.add(id);

      const firstPaints = entries.map((entry) => reach([entry], false));
      for (const [island, suffixes] of Object.entries(lazy)) {
        const roots = ids.filter((id) => suffixes.some((suffix) => id.endsWith(suffix)));
        if (roots.length === 0) continue;
        // What some page paints first with, that page not painting with this island itself.
        const taken = new Set(
          firstPaints.filter((p) => !roots.some((r) => p.has(r))).flatMap((p) => [...p]),
        );
        const own = [...reach(roots, false)].filter((id) => !taken.has(id) && !shared.has(id));
        islands.set(island, new Set(own));
      }
    },
  };
}
