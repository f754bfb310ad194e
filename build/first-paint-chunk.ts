import type { Plugin } from 'vite';

/**
 * The popup's first paint in two files: its own entry and one chunk with everything it shares
 * with the other pages (Preact, formatting, the usage row). Left to itself the bundler splits
 * the shared code by which pages use it, and the popup waits for four files instead of two.
 * The set is read from the module graph of each build, so it follows the imports as they change.
 */
export function firstPaintChunk(page = '/entrypoints/popup/', name = 'ui'): Plugin {
  const shared = new Set<string>();
  return {
    name: 'first-paint-chunk',
    // Only the pages' build splits code; the worker and scripts are single files.
    outputOptions(options) {
      if (options.format !== 'es') return null;
      const groups = [{ name, test: (id: string) => shared.has(id) }];
      return { ...options, codeSplitting: { groups } };
    },
    buildEnd() {
      shared.clear();
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
    },
  };
}
