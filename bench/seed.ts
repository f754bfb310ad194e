import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * `seed-entry.ts` bundled as a script to evaluate in an extension page: it defines
 * `globalThis.benchSeed(template, count)`, which writes history through the project's repository.
 */
export async function seedScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(fileURLToPath(new URL('.', import.meta.url)), 'seed-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
  });
  return result.outputFiles[0]!.text;
}
