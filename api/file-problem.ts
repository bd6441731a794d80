/**
 * One problem in an input file, wherever files come in: the data importer (`npm run import`, column
 * named by its header), the score command (column counted, 1-based, in fields of a CSV row or
 * characters of a JSON line), and paper intake (the item code). Reported as `file:line:column: message`,
 * as compilers do, so editors can jump to it.
 */
export interface FileProblem<Message = string> {
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** A column header, or a 1-based position; '' when the problem is the whole line. */
  column: string | number;
  /** Text for a command's output; bilingual (`Localized`) where the problem goes back over HTTP. */
  message: Message;
}

export function formatFileProblem(p: FileProblem): string {
  return `${p.file}:${p.line}:${p.column === '' ? '' : `${p.column}:`} ${p.message}`;
}
