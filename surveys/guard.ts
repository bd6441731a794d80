import type { LocatedError } from './types.js';
import { message } from './messages.js';
import { pointerSegment } from './walk.js';

export interface JsonLimits {
  maxDepth: number;
  maxNodes: number;
  maxStringLength: number;
  /** Longest array allowed, checked before any schema validator sees the input (whose work grows with it). */
  maxArrayLength?: number;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * First structural hazard in parsed JSON: a prototype-polluting key, excessive nesting, too many
 * values or too much text. Iterative, so hostile nesting cannot overflow the stack.
 */
export function inspectJson(value: unknown, limits: JsonLimits): LocatedError | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  let nodes = 0;
  let text = 0;
  while (stack.length > 0) {
    const { value: node, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (++nodes > limits.maxNodes) return error(path, 'too_large', { limit: limits.maxNodes });
    if (typeof node === 'string') {
      text += node.length;
      if (text > limits.maxStringLength) return error(path, 'too_large', { limit: limits.maxStringLength });
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limits.maxDepth) return error(path, 'too_deep', { limit: limits.maxDepth });
    if (Array.isArray(node) && node.length > (limits.maxArrayLength ?? Infinity))
      return error(path, 'too_large', { limit: limits.maxArrayLength! });
    const entries: Array<[string, unknown]> = Array.isArray(node)
      ? node.map((v, i) => [String(i), v])
      : Object.keys(node).map((k) => [k, (node as Record<string, unknown>)[k]]);
    for (const [key, child] of entries) {
      const childPath = `${path}/${pointerSegment(key)}`;
      if (!Array.isArray(node) && FORBIDDEN_KEYS.has(key)) return error(childPath, 'forbidden_key', { key });
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}

function error(path: string, code: string, params: Record<string, string | number>): LocatedError {
  return { path, code, message: message(code, params) };
}
