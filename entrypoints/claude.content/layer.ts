import css from './style.css?inline';

/** The meter's own layer on the page: a shadow root after <body>, which claude.ai cannot style. */
export interface MeterLayer {
  /** The positioned box the meter draws into, while mounted. */
  readonly mounted: HTMLElement | undefined;
  mount(): void;
  remove(): void;
}

/**
 * An open shadow root on an element of its own, after <body> (not in it: the host, reset to
 * `all: initial`, can never become part of claude.ai's layout, and a re-rendered body does not
 * take it away), with the meter's styles inlined: no stylesheet to fetch on each page load, and
 * no web-accessible file a page could probe for.
 */
export function createMeterLayer(name: string, onMount: (box: HTMLElement) => void): MeterLayer {
  let host: HTMLElement | undefined;
  let box: HTMLElement | undefined;
  return {
    get mounted() {
      return box;
    },
    mount() {
      host = document.createElement(name);
      const shadow = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = `:host{all:initial !important}${css}`;
      box = document.createElement('div');
      box.className = 'place';
      shadow.append(style, box);
      onMount(box);
      document.documentElement.append(host);
    },
    remove() {
      host?.remove();
      host = box = undefined;
    },
  };
}
