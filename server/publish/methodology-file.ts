import { readFileSync } from 'node:fs';
import { checkMethodology } from '#scoring/methodology/check.js';
import type { Methodology } from '#scoring/methodology/types.js';

/** The methodologies shipped in scoring/methodologies/, by file name without `.json`. */
export const SHIPPED_METHODOLOGIES = new URL('../../scoring/methodologies/', import.meta.url);

/** Reads and checks a methodology file; a bad file throws with every issue's path and rule. */
export function readMethodology(file: string | URL): Methodology {
  return checkMethodology(JSON.parse(readFileSync(file, 'utf8')));
}

export const shippedMethodology = (name: string): Methodology =>
  readMethodology(new URL(`${name}.json`, SHIPPED_METHODOLOGIES));
