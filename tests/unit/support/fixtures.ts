import { readFileSync } from 'node:fs';

/** Raw text of a payload under tests/fixtures/usage/. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(`../../fixtures/usage/${name}`, import.meta.url), 'utf8');
}

/** A parsed JSON payload under tests/fixtures/usage/. */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}
