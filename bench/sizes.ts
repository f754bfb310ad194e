import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'vite';

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export interface Sizes {
  workerGzip: number;
  /** JS the popup loads before its first paint: the entry and every chunk it imports statically. */
  popupFirstPaintGzip: number;
  /** All JS the popup may load: the first paint and everything it imports lazily, transitively. */
  popupTotalGzip: number;
  /** The content script on every claude.ai page (the in-page meter). */
  contentGzip: number;
}

interface Imports {
  static: string[];
  dynamic: string[];
}

/** A string literal or a template literal without placeholders (minifiers write both). */
function literal(node: unknown): string | null {
  const n = node as { type?: string; value?: unknown; quasis?: { value: { cooked?: string } }[] };
  if (n?.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n?.type === 'TemplateLiteral' && n.quasis?.length === 1)
    return n.quasis[0]!.value.cooked ?? null;
  return null;
}

/** Every `import("…")` with a constant path anywhere in a parsed module. */
function dynamicImports(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) dynamicImports(item, found);
  else if (node && typeof node === 'object') {
    const n = node as { type?: string; source?: unknown };
    const path = n.type === 'ImportExpression' ? literal(n.source) : null;
    if (path !== null) found.push(path);
    for (const value of Object.values(node))
      if (value && typeof value === 'object') dynamicImports(value, found);
  }
  return found;
}

/**
 * The relative imports of one built chunk, as paths inside `outDir`. Parsed, not pattern-matched:
 * a chunk imported statically is loaded before the module runs whether or not the page's HTML
 * names it (with `build.modulePreload: false` it names only the entry).
 */
export function importsOf(outDir: string, file: string): Imports {
  const ast = parseAst(readFileSync(join(outDir, file), 'utf8'));
  const resolve = (spec: string) =>
    spec.startsWith('.') || spec.startsWith('/')
      ? relative(
          outDir,
          spec.startsWith('/') ? join(outDir, spec) : join(outDir, dirname(file), spec),
        )
      : null;
  const local = (specs: string[]) =>
    specs.map(resolve).filter((p): p is string => p !== null && p.endsWith('.js'));
  const statics: string[] = [];
  for (const node of ast.body) {
    if (
      (node.type === 'ImportDeclaration' ||
        node.type === 'ExportAllDeclaration' ||
        node.type === 'ExportNamedDeclaration') &&
      node.source
    ) {
      const path = literal(node.source);
      if (path !== null) statics.push(path);
    }
  }
  return { static: local(statics), dynamic: local(dynamicImports(ast.body)) };
}

/** The chunks `entries` load, transitively: static imports only, or lazy ones as well. */
export function chunkClosure(outDir: string, entries: string[], lazy: boolean): string[] {
  const seen = new Set<string>();
  const next = [...entries];
  while (next.length > 0) {
    const file = next.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const { static: s, dynamic: d } = importsOf(outDir, file);
    next.push(...s, ...(lazy ? d : []));
  }
  return [...seen].sort();
}

/**
 * What a built page loads: `firstPaint` is its scripts, what its HTML preloads and their static
 * imports; `all` adds every chunk reachable through lazy imports.
 */
export function pageChunks(outDir: string, html: string): { firstPaint: string[]; all: string[] } {
  const page = readFileSync(join(outDir, html), 'utf8');
  const named = [...page.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  return { firstPaint: chunkClosure(outDir, named, false), all: chunkClosure(outDir, named, true) };
}

/** Gzipped bytes of the given files of a build directory. */
export function gzipOf(outDir: string, files: string[]): number {
  return files.reduce((n, f) => n + gz(join(outDir, f)), 0);
}

/** Gzipped bytes of the shipped JavaScript in a build directory. */
export function measureSizes(outDir: string): Sizes {
  const popup = pageChunks(outDir, 'popup.html');
  return {
    workerGzip: gz(join(outDir, 'background.js')),
    contentGzip: gz(join(outDir, 'content-scripts', 'claude.js')),
    popupFirstPaintGzip: gzipOf(outDir, popup.firstPaint),
    popupTotalGzip: gzipOf(outDir, popup.all),
  };
}
