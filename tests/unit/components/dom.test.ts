// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { el, sync } from '../../../components/dom';

/** A node's children as `tag:text` (text nodes as `#text:…`), attributes of the first level too. */
const shape = (node: Element) =>
  [...node.childNodes].map((c) => {
    const attrs = c instanceof Element ? [...c.attributes].map((a) => `${a.name}=${a.value}`) : [];
    return [c.nodeName.toLowerCase(), ...attrs, c.textContent].join(':');
  });

describe('el', () => {
  it('sets the attributes given, leaves out false and null ones, and appends text and nodes', () => {
    const node = el(
      'p',
      { class: 'a', hidden: false, title: null, 'aria-valuenow': 0 },
      'x',
      el('b', {}, 'y'),
      false,
    );
    expect(node.getAttributeNames()).toEqual(['class', 'aria-valuenow']);
    expect(node.getAttribute('aria-valuenow')).toBe('0');
    expect(shape(node)).toEqual(['#text:x', 'b:y']);
  });
});

describe('sync', () => {
  it('keeps old children that come out equal and replaces the rest, in order', () => {
    const parent = el('div', {}, el('i', {}, '1'), el('i', {}, '2'), el('i', {}, '3'));
    const [first, , third] = [...parent.children];
    sync(parent, [el('i', {}, '1'), el('i', {}, 'two'), el('i', {}, '3'), 'end']);
    expect(shape(parent)).toEqual(['i:1', 'i:two', 'i:3', '#text:end']);
    expect(parent.children[0]).toBe(first);
    expect(parent.children[2]).toBe(third);
  });

  it('never moves a kept node: what was between goes, what is new comes before it', () => {
    const keep = el('button', {}, 'toggle');
    const parent = el('div', {}, el('i', {}, 'old'), el('i', {}, 'gone'), keep);
    document.body.append(parent);
    keep.focus();
    sync(parent, [el('i', {}, 'new'), keep]);
    expect(shape(parent)).toEqual(['i:new', 'button:toggle']);
    expect(document.activeElement).toBe(keep);
    sync(parent, [keep]);
    expect(shape(parent)).toEqual(['button:toggle']);
    expect(document.activeElement).toBe(keep);
    parent.remove();
  });
});
