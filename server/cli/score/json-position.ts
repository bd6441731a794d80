// Line and column (1-based) of every value in a JSON text, keyed by JSON pointer, so a methodology issue at
// /tree/children/2/weight can be reported as file:line:column. Object members are located at their key, the
// place an editor should show. Assumes text that JSON.parse accepted.

export interface Position {
  line: number;
  column: number;
}

/** jsonPositions(text) maps JSON pointers ("" = the root) to positions. */
export function jsonPositions(text: string): Map<string, Position> {
  const out = new Map<string, Position>();
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  let i = 0;
  const at = (offset: number): Position => positionAt(lineStarts, offset);
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string, here?: Position): void => {
    ws();
    if (!out.has(pointer)) out.set(pointer, here ?? at(i));
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      while (text[i] !== '}') {
        ws();
        const keyAt = at(i);
        const key = string();
        ws();
        i++; // ':'
        value(`${pointer}/${escape(key)}`, keyAt);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '[') {
      i++;
      ws();
      let k = 0;
      while (text[i] !== ']') {
        value(`${pointer}/${k++}`);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '"') {
      string();
    } else {
      while (i < text.length && !',]} \t\n\r'.includes(text[i]!)) i++;
    }
  };
  value('');
  return out;
}

/** positionAt(lineStarts, offset) — 1-based line and column of a character offset. */
export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
