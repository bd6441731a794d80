// The catalogue's part for the methodology checker. scoring/methodology reports each problem with a
// stable rule id, a JSON pointer, the tree node and an English message (scoring/ holds no interface
// text); this gives the message and the node in Vietnamese by the English message's pattern, and
// the workspace wraps the pair in the `methodology_rule` message (workspace.ts).
import type { Localized } from '#api/text.js';
import type { Issue } from '#scoring/methodology/check.js';

const NODE_VI: Record<string, string> = {
  index: 'chỉ số tổng hợp',
  subindex: 'chỉ số thành phần',
  group: 'nhóm',
  indicator: 'chỉ tiêu',
  node: 'nút',
};

/** "subindex transparency > indicator t3" in Vietnamese: "chỉ số thành phần transparency > chỉ tiêu t3". */
export function nodeVi(label: string): string {
  return label
    .split(' > ')
    .map((part) => part.replace(/^(\w+) /, (_, type: string) => `${NODE_VI[type] ?? type} `))
    .join(' > ');
}

type Vi = (...groups: string[]) => string;

/** English message pattern → Vietnamese, one per message the checker (semantic rules, size guard, Ajv) writes. */
const VI: Array<[RegExp, Vi]> = [
  [/^the root must be of type "index"$/, () => 'gốc của cây phải có loại "index"'],
  [/^code "(.+)" is already used at (.+)$/, (c, at) => `mã "${c}" đã được dùng ở ${at}`],
  [/^only the root can be "index"$/, () => 'chỉ gốc của cây mới được có loại "index"'],
  [/^weight must be ≥ 0$/, () => 'trọng số phải ≥ 0'],
  [/^aggregator "power" needs a non-zero exponent p$/, () => 'phép gộp "power" cần số mũ p khác 0'],
  [/^p applies only to "power"$/, () => 'p chỉ dùng cho phép gộp "power"'],
  [/^at least one child needs a weight > 0$/, () => 'ít nhất một thành phần con cần trọng số > 0'],
  [/^block "(.+)" is listed twice$/, (b) => `khối "${b}" được liệt kê hai lần`],
  [/^"(.+)" is not a child of the root$/, (c) => `"${c}" không phải thành phần con của gốc`],
  [/^"(.+)" is listed twice$/, (c) => `"${c}" được liệt kê hai lần`],
  [/^group imputation needs a grouping key$/, () => 'quy nạp theo nhóm cần khoá nhóm'],
  [/^from must span a range$/, () => '"from" phải là một khoảng (hai đầu khác nhau)'],
  [/^"(.+)" does not apply to normaliser "(.+)"$/, (k, n) => `"${k}" không dùng cho phép chuẩn hoá "${n}"`],
  [/^"(.+)" needs lower and upper$/, (n) => `"${n}" cần cận dưới (lower) và cận trên (upper)`],
  [/^upper must be greater than lower$/, () => 'cận trên (upper) phải lớn hơn cận dưới (lower)'],
  [/^sd must be > 0$/, () => 'độ lệch chuẩn (sd) phải > 0'],
  [/^"dist2target" needs a target$/, () => '"dist2target" cần giá trị mục tiêu (target)'],
  [/^normaliser "(.+)" takes no benchmark$/, (n) => `phép chuẩn hoá "${n}" không dùng mốc so sánh`],
  [/^a fixed benchmark needs min < max$/, () => 'mốc cố định cần min < max'],
  [/^min and max apply only to a fixed benchmark$/, () => 'min và max chỉ dùng cho mốc cố định'],
  [/^a pooled benchmark needs editions$/, () => 'mốc gộp nhiều kỳ cần danh sách kỳ (editions)'],
  [/^editions apply only to pooled$/, () => 'danh sách kỳ chỉ dùng cho mốc gộp nhiều kỳ'],
  [/^editions must be unique$/, () => 'các kỳ trong danh sách không được trùng nhau'],
  [/^a share needs categories$/, () => 'tỉ lệ (share) cần danh sách phương án được tính'],
  [/^categories apply only to a share$/, () => 'danh sách phương án chỉ dùng cho tỉ lệ (share)'],
  [/^a percentile needs p$/, () => 'phân vị cần p'],
  [/^p applies only to a percentile$/, () => 'p chỉ dùng cho phân vị'],
  [
    /^op "in" takes a list, other ops a single value$/,
    () => 'phép "in" nhận một danh sách, các phép khác một giá trị',
  ],
  [/^"(.+)" does not apply to tier method "(.+)"$/, (f, m) => `"${f}" không dùng cho cách xếp loại "${m}"`],
  [/^tier method "(.+)" needs "(.+)"$/, (m, f) => `cách xếp loại "${m}" cần "${f}"`],
  [
    /^(\w+) must be strictly descending \(best tier first\)$/,
    (f) => `${f} phải giảm dần nghiêm ngặt (loại tốt nhất trước)`,
  ],
  [/^tier code "(.+)" is also label (\d+)'s$/, (c, i) => `mã xếp loại "${c}" trùng với nhãn số ${i}`],
  [/^(\d+) (\w+) need (\d+) labels$/, (n, f, l) => `${n} giá trị ${f} cần ${l} nhãn`],
  [/^more than (\d+) values$/, (n) => `nhiều hơn ${n} giá trị`],
  [/^more than (\d+) characters of text$/, (n) => `nhiều hơn ${n} ký tự văn bản`],
  [/^nested deeper than (\d+)$/, (n) => `lồng sâu hơn ${n} cấp`],
  [/^refers back to an ancestor$/, () => 'tham chiếu vòng về một nút cha'],
  [/^more than (\d+) items$/, (n) => `nhiều hơn ${n} phần tử`],
  [/^more than (\d+) properties$/, (n) => `nhiều hơn ${n} thuộc tính`],
  [/^the tree has more than (\d+) nodes$/, (n) => `cây có nhiều hơn ${n} nút`],
  // Ajv (JSON Schema) messages.
  [/^must have required property '(.+)'$/, (p) => `thiếu thuộc tính bắt buộc "${p}"`],
  [/^unknown property "(.+)"$/, (p) => `thuộc tính không xác định "${p}"`],
  [
    /^must be (>=|>|<=|<) (-?[\d.e+-]+)$/,
    (op, n) => `phải ${op === '>=' ? '≥' : op === '<=' ? '≤' : op} ${n}`,
  ],
  [/^must NOT have more than (\d+) characters$/, (n) => `không được dài hơn ${n} ký tự`],
  [/^must NOT have fewer than (\d+) characters$/, (n) => `không được ngắn hơn ${n} ký tự`],
  [/^must NOT have more than (\d+) items$/, (n) => `không được có nhiều hơn ${n} phần tử`],
  [/^must NOT have fewer than (\d+) items$/, (n) => `cần ít nhất ${n} phần tử`],
  [
    /^must be equal to one of the allowed values(.*)$/,
    (rest) => `phải là một trong các giá trị cho phép${rest}`,
  ],
  [/^must be equal to constant$/, () => 'phải bằng giá trị cố định của lược đồ'],
  [
    /^must be (number|integer|string|boolean|object|array|null)(,.*)?$/,
    (t, more) => `phải có kiểu ${t}${more ?? ''}`,
  ],
  [/^must match pattern "(.+)"$/, (p) => `phải khớp mẫu "${p}"`],
  [/^must NOT have duplicate items(.*)$/, (rest) => `không được có phần tử trùng${rest}`],
  [/^must match exactly one schema in oneOf$/, () => 'phải khớp đúng một dạng cho phép'],
  [/^must match a schema in anyOf$/, () => 'phải khớp một trong các dạng cho phép'],
  [/^must match "then" schema$/, () => 'chưa đủ các trường mà lựa chọn này cần'],
];

/** The issue's message in both languages (the English one as the checker wrote it). */
export function issueMessage(issue: Pick<Issue, 'message' | 'rule'>): Localized {
  for (const [re, vi] of VI) {
    const m = re.exec(issue.message);
    if (m) return { vi: vi(...m.slice(1)), en: issue.message };
  }
  return { vi: `không hợp lệ (${issue.message})`, en: issue.message };
}

/** Whether a message has its own Vietnamese text (tests use it to catch a new, untranslated rule). */
export const hasVietnamese = (message: string): boolean => VI.some(([re]) => re.test(message));
