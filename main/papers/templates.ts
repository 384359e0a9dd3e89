import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DomainError } from '../shared/errors';
import { templatePath } from '../shared/templates-dir';

/**
 * Paper templates are data (templates/papers/*.json): adding a template is adding a file.
 * A malformed file is reported with its name and the problem, and the other templates
 * still load.
 */
const keyPattern = /^[a-z][a-z0-9-]*$/;

const headerField = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'must be a camelCase name such as meetingName'),
  label: z.string().min(1, 'must not be empty'),
  required: z.boolean().default(false),
  type: z.enum(['text', 'date']).default('text'),
  guidance: z.string().default(''),
});

const section = z.object({
  key: z.string().regex(keyPattern, 'must be lower-case words joined by hyphens, e.g. next-steps'),
  heading: z.string().min(1, 'must not be empty'),
  required: z.boolean().default(false),
  guidance: z.string().default(''),
});

export const paperTemplateSchema = z
  .object({
    key: z.string().regex(keyPattern, 'must be lower-case words joined by hyphens, e.g. board-paper'),
    name: z.string().min(1, 'must not be empty'),
    description: z.string().default(''),
    numbering: z.enum(['none', 'continuous', 'by-section'], { error: 'must be none, continuous or by-section' }),
    header: z.array(headerField).default([]),
    sections: z.array(section).min(1, 'must list at least one section'),
    signatures: z.array(z.string()).default([]),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.sections.forEach((s, i) => {
      if (seen.has(s.key)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'key'], message: `"${s.key}" is used by two sections` });
      seen.add(s.key);
    });
  });

export type PaperTemplate = z.output<typeof paperTemplateSchema>;

export interface TemplateProblem {
  file: string;
  message: string;
}

export function parseTemplate(file: string, text: string): PaperTemplate {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DomainError('papers.badTemplate', `The paper template ${file} is not valid JSON: ${(err as Error).message}`, 'template');
  }
  const parsed = paperTemplateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError('papers.badTemplate', `The paper template ${file} is malformed: ${issue.path.join('.') || '(file)'} ${issue.message}.`, 'template');
  }
  return parsed.data;
}

/** Every template in the folder, with the problems of any that could not be read. */
export function loadTemplates(dir = templatePath('papers')): { templates: PaperTemplate[]; problems: TemplateProblem[] } {
  const templates: PaperTemplate[] = [];
  const problems: TemplateProblem[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    problems.push({ file: dir, message: 'The paper templates folder cannot be read.' });
  }
  const keys = new Set<string>();
  for (const file of files) {
    try {
      const t = parseTemplate(file, readFileSync(join(dir, file), 'utf8'));
      if (keys.has(t.key)) throw new DomainError('papers.badTemplate', `The paper template ${file} repeats the key "${t.key}" of another template.`);
      keys.add(t.key);
      templates.push(t);
    } catch (err) {
      problems.push({ file, message: err instanceof DomainError ? err.message : String(err) });
    }
  }
  return { templates, problems };
}

export function findTemplate(key: string, dir?: string): PaperTemplate {
  const { templates, problems } = loadTemplates(dir);
  const t = templates.find((x) => x.key === key);
  if (!t) {
    const why = problems.length ? ` (${problems.map((p) => p.message).join(' ')})` : '';
    throw new DomainError('papers.noTemplate', `There is no paper template called "${key}"${why}.`, 'templateKey');
  }
  return t;
}
