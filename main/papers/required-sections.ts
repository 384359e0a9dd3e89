import { hasContent, type PaperBlock } from './blocks';
import type { PaperTemplate } from './templates';

/**
 * A paper's warnings before it goes out: a required section of its template that is missing
 * or empty (named, so the author knows what to write), and a required header field with no
 * value. They are warnings, not errors: an author may export a draft that is not finished,
 * but only after being told (export asks for acknowledgeWarnings).
 */
export interface PaperWarning {
  code: 'paper.missingSection' | 'paper.missingHeader' | 'paper.templateProblem';
  message: string;
  field: string;
}

export function missingRequiredSections(
  template: Pick<PaperTemplate, 'sections'>,
  sections: readonly { key: string; heading: string; body: readonly PaperBlock[] }[],
): PaperWarning[] {
  const byKey = new Map(sections.map((s) => [s.key, s]));
  const missing = template.sections.filter((t) => t.required && !hasContent([...(byKey.get(t.key)?.body ?? [])]));
  return missing.map((t) => {
    const present = byKey.get(t.key);
    const heading = present?.heading ?? t.heading;
    return {
      code: 'paper.missingSection',
      message: present ? `The required section "${heading}" is empty.` : `The required section "${heading}" is missing.`,
      field: `sections.${t.key}`,
    };
  });
}

export function missingHeaderFields(template: Pick<PaperTemplate, 'header'>, values: Record<string, string>): PaperWarning[] {
  return template.header
    .filter((h) => h.required && !(values[h.key] ?? '').trim())
    .map((h) => ({ code: 'paper.missingHeader', message: `The header field "${h.label}" has no value.`, field: `header.${h.key}` }));
}

/** "Introduction" / "Introduction and Recommendation" / "Introduction, Background and Recommendation" */
export function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
