// The slice of the DOM that turndown hands to rules. tsconfig has no "DOM" lib (this is a Node
// project), so rules cast turndown's node to this instead of relying on browser typings.
export interface DomNode {
  nodeName: string;
  textContent: string | null;
  parentNode: DomNode | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  childNodes: ArrayLike<DomNode>;
  children?: ArrayLike<DomNode>;
  getAttribute(name: string): string | null;
  /** Set by turndown on every node it visits. */
  isBlock?: boolean;
}

export function asDom(node: unknown): DomNode {
  return node as DomNode;
}

export function classList(node: DomNode): string[] {
  return (node.getAttribute?.('class') ?? '').split(/\s+/).filter(Boolean);
}

export function hasClass(node: DomNode, ...names: string[]): boolean {
  const classes = classList(node);
  return names.some((n) => classes.includes(n));
}
