import { message } from '#surveys/messages.js';
import type { LocatedError, RatingScale, SurveyDefinition } from '#surveys/types.js';
import { pointerSegment, questionSites } from '#surveys/walk.js';

/** Scales (labels per point, don't-know outside 1..points) and bounds (min ≤ max, real dates). */
export function checkScales(definition: SurveyDefinition): LocatedError[] {
  const errors: LocatedError[] = [];
  const push = (path: string, code: string, params: Record<string, string | number> = {}): void => {
    errors.push({ path, code, message: message(code, params) });
  };
  const scale = (s: RatingScale, path: string): void => {
    if (s.labels.length !== s.points) {
      push(`${path}/labels`, 'scale_labels_mismatch', { points: s.points, labels: s.labels.length });
    }
    if (s.dontKnow && s.dontKnow.code >= 1 && s.dontKnow.code <= s.points) {
      push(`${path}/dontKnow/code`, 'dont_know_in_scale', { code: s.dontKnow.code, points: s.points });
    }
  };
  for (const [key, s] of Object.entries(definition.scales ?? {})) scale(s, `/scales/${pointerSegment(key)}`);

  for (const { question: q, path } of questionSites(definition)) {
    if (q.type === 'rating' && typeof q.scale !== 'string') scale(q.scale, `${path}/scale`);
    if (q.type === 'numeric' && q.minimum !== undefined && q.maximum !== undefined && q.minimum > q.maximum) {
      push(`${path}/minimum`, 'invalid_bounds', { minimum: q.minimum, maximum: q.maximum });
    }
    if (q.type === 'date') {
      const bad = (['minimum', 'maximum'] as const).filter(
        (k) => q[k] !== undefined && !isRealDate(q[k] as string),
      );
      for (const k of bad) push(`${path}/${k}`, 'invalid_date', { value: q[k] as string });
      if (bad.length === 0 && q.minimum !== undefined && q.maximum !== undefined && q.minimum > q.maximum) {
        push(`${path}/minimum`, 'invalid_bounds', { minimum: q.minimum, maximum: q.maximum });
      }
    }
    if (q.type === 'multiple' || q.type === 'units') {
      const min = q.minSelections ?? 0;
      const max = q.maxSelections;
      if (max !== undefined && min > max) {
        push(`${path}/minSelections`, 'invalid_selection_bounds', {
          min,
          limitVi: `số lựa chọn tối đa ${max}`,
          limitEn: `the maximum ${max}`,
        });
      } else if (q.type === 'multiple' && min > q.options.length) {
        push(`${path}/minSelections`, 'invalid_selection_bounds', {
          min,
          limitVi: `số phương án (${q.options.length})`,
          limitEn: `the number of options (${q.options.length})`,
        });
      }
    }
  }
  return errors;
}

/** True for a YYYY-MM-DD string naming a real calendar day. */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
