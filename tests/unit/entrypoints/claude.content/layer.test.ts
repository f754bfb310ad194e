// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createMeterLayer } from '../../../../entrypoints/claude.content/layer';

describe('the meter layer', () => {
  it('mounts after <body> in an open shadow root with its styles, and leaves nothing behind', () => {
    const seen: HTMLElement[] = [];
    const layer = createMeterLayer('claude-usage-meter', (box) => seen.push(box));
    expect(layer.mounted).toBeUndefined();
    layer.mount();
    const host = document.documentElement.lastElementChild!;
    expect(host.tagName).toBe('CLAUDE-USAGE-METER');
    expect(document.body.contains(host)).toBe(false);
    const box = host.shadowRoot!.querySelector<HTMLElement>('.place')!;
    expect(layer.mounted).toBe(box);
    expect(seen).toEqual([box]);
    // Reset against the page's styles, then the meter's own (its level colours among them).
    const css = host.shadowRoot!.querySelector('style')!.textContent!;
    expect(css.startsWith(':host{all:initial !important}')).toBe(true);
    expect(css).toContain('.mini-bar');
    layer.remove();
    expect(layer.mounted).toBeUndefined();
    expect(document.querySelector('claude-usage-meter')).toBeNull();
  });
});
