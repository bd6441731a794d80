/**
 * Human label of the tree node a JSON pointer points into: "subindex transparency > indicator t3" for
 * /tree/children/2/children/0/weight. The root is named only when the pointer stops at it. Null outside the tree.
 */
export function nodeLabel(input: unknown, pointer: string): string | null {
  const parts = pointer.split('/').slice(1);
  if (parts[0] !== 'tree') return null;
  let node = (input as Record<string, unknown>)?.tree;
  const labels: string[] = [describe(node)];
  for (let i = 1; i + 1 < parts.length && parts[i] === 'children'; i += 2) {
    const children = (node as Record<string, unknown> | undefined)?.children;
    node = Array.isArray(children) ? children[Number(parts[i + 1])] : undefined;
    labels.push(describe(node));
  }
  return labels.length > 1 ? labels.slice(1).join(' > ') : labels[0]!;
}

function describe(node: unknown): string {
  const n = node as Record<string, unknown> | undefined;
  const type = typeof n?.type === 'string' ? n.type : 'node';
  const code = typeof n?.code === 'string' ? n.code : '?';
  return `${type} ${code}`;
}
