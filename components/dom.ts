/** What a view hands over as a child: a node, text, or nothing (`false`, `null`, `''`, …). */
export type Child = Node | string | false | null | undefined | 0;

type Attributes = Record<string, string | number | false | null | undefined>;

const nodesOf = (children: readonly Child[]): Node[] =>
  children.flatMap((c) => (!c ? [] : [typeof c === 'string' ? document.createTextNode(c) : c]));

/** An element with attributes (those `false`, `null` or `undefined` left out) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes))
    if (value !== false && value !== null && value !== undefined)
      element.setAttribute(name, String(value));
  element.append(...nodesOf(children));
  return element;
}

/**
 * Make `parent`'s children these, place by place: an old child that comes out equal (same tag,
 * attributes and text) stays, one that does not is replaced, and a node handed in that is already
 * a child is never moved. So a focused button keeps its focus, a dragged handle its pointer
 * capture, and an unchanged meter costs no layout.
 */
export function sync(parent: Element, children: readonly Child[]): void {
  const nodes = nodesOf(children);
  const kept = new Set(nodes.filter((n) => n.parentNode === parent));
  let cursor = parent.firstChild;
  const drop = (until: Node | null) => {
    while (cursor && cursor !== until) {
      const next: ChildNode | null = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
  };
  for (const node of nodes) {
    if (kept.has(node)) {
      drop(node);
      cursor = node.nextSibling;
    } else if (cursor && !kept.has(cursor)) {
      const next: ChildNode | null = cursor.nextSibling;
      if (!cursor.isEqualNode(node)) parent.replaceChild(node, cursor);
      cursor = next;
    } else parent.insertBefore(node, cursor);
  }
  drop(null);
}
