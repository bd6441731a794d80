import type { Lang } from '#api/text.js';
import type { Question, RatingScale, SurveyDefinition, UnitItem } from '#surveys/types.js';
import { CHANNEL_COLUMN, CODE_COLUMN, templateHeader } from './import-format.js';

/** What a person filling the template needs to know about one column. */
export interface TemplateColumn {
  code: string;
  label: string;
  /** Allowed values offered as a drop-down; null for free entry. */
  options: string[] | null;
  /** How to write the answer, when a drop-down does not say it. */
  hint: string;
}

const T = {
  code: {
    vi: 'Mã khảo sát in trên thư mời (ví dụ K7Q2-M9XD-4HTB-RZ)',
    en: 'Survey code printed on the letter (e.g. K7Q2-M9XD-4HTB-RZ)',
  },
  channel: { vi: 'Kênh: paper (phiếu giấy) hoặc phone (điện thoại)', en: 'Channel: paper or phone' },
  unit: { vi: 'đơn vị', en: 'unit' },
  multiple: {
    vi: 'Nhiều lựa chọn: ghi các mã, cách nhau bằng dấu ;',
    en: 'Several choices: write the codes separated by ;',
  },
  units: { vi: 'Mã các đơn vị, cách nhau bằng dấu ;', en: 'Unit codes separated by ;' },
  free: { vi: 'Ghi tự do', en: 'Free text' },
  number: { vi: 'Một số', en: 'A number' },
};

function scaleOf(definition: SurveyDefinition, q: { scale: string | RatingScale }): RatingScale | undefined {
  return typeof q.scale === 'string' ? definition.scales?.[q.scale] : q.scale;
}

function describe(
  definition: SurveyDefinition,
  q: Question | UnitItem,
  lang: Lang,
): Pick<TemplateColumn, 'options' | 'hint'> {
  switch (q.type) {
    case 'single':
      return {
        options: q.options.map((o) => String(o.code)),
        hint: q.options.map((o) => `${o.code} = ${o.label[lang]}`).join('; '),
      };
    case 'rating': {
      const s = scaleOf(definition, q);
      if (!s) return { options: null, hint: T.number[lang] };
      const values = Array.from({ length: s.points }, (_, i) => String(i + 1));
      if (s.dontKnow) values.push(String(s.dontKnow.code));
      const labels = s.labels.map((l, i) => `${i + 1} = ${l[lang]}`);
      if (s.dontKnow) labels.push(`${s.dontKnow.code} = ${s.dontKnow.label[lang]}`);
      return { options: values, hint: labels.join('; ') };
    }
    case 'multiple':
      return {
        options: null,
        hint: `${T.multiple[lang]}: ${q.options.map((o) => `${o.code} = ${o.label[lang]}`).join('; ')}`,
      };
    case 'units':
      return { options: null, hint: T.units[lang] };
    case 'numeric':
      return { options: null, hint: T.number[lang] };
    default:
      return { options: null, hint: T.free[lang] };
  }
}

/** Every template column with its question text in `lang`, its drop-down values and a hint. */
export function templateColumns(
  definition: SurveyDefinition,
  lang: Lang,
  units: Record<string, readonly string[]> = {},
): TemplateColumn[] {
  const questions = new Map<string, Question>();
  for (const s of definition.sections) for (const q of s.questions) questions.set(q.code, q);
  const selectors = new Map<string, string>();
  for (const q of questions.values()) if (q.type === 'units') selectors.set(q.code, q.block);
  return templateHeader(definition).map((code): TemplateColumn => {
    if (code === CODE_COLUMN) return { code, label: T.code[lang], options: null, hint: '' };
    if (code === CHANNEL_COLUMN)
      return { code, label: T.channel[lang], options: ['paper', 'phone'], hint: '' };
    const [qCode, slot, itemCode] = code.split('.');
    const q = questions.get(qCode!);
    if (!q) return { code, label: code, options: null, hint: '' };
    if (q.type !== 'unitRatings' || !slot)
      return { code, label: q.text[lang], ...describe(definition, q, lang) };
    if (itemCode === 'UNIT') {
      const block = selectors.get(q.selector);
      const list = block ? units[block] : undefined;
      return {
        code,
        label: `${q.text[lang]} — ${T.unit[lang]} ${slot}`,
        options: list?.length ? [...list] : null,
        hint: T.units[lang],
      };
    }
    const item = q.items.find((i) => i.code === itemCode);
    if (!item) return { code, label: code, options: null, hint: '' };
    return {
      code,
      label: `${item.text[lang]} (${T.unit[lang]} ${slot})`,
      ...describe(definition, item, lang),
    };
  });
}
