import { readFileSync } from 'node:fs';
import { templatePath } from '../shared/templates-dir';

/**
 * The default spend headings and which count as interventions, read from
 * templates/funding/headings.json (finance may edit it). A missing or broken file falls back
 * to the built-in list below rather than stopping the funding screens.
 */
export interface HeadingSpec {
  name: string;
  category: 'staff' | 'intervention' | 'evaluation' | 'other';
}

const BUILT_IN: HeadingSpec[] = [
  { name: 'Staff', category: 'staff' },
  { name: 'Commissioned services', category: 'intervention' },
  { name: 'Interventions', category: 'intervention' },
  { name: 'Community engagement', category: 'intervention' },
  { name: 'Training and professional development', category: 'other' },
  { name: 'Equipment', category: 'other' },
  { name: 'Communications', category: 'other' },
  { name: 'Data and analysis', category: 'other' },
  { name: 'Evaluation', category: 'evaluation' },
];

let cached: { path: string; specs: HeadingSpec[] } | undefined;

export function headingSpecs(): HeadingSpec[] {
  const path = templatePath('funding', 'headings.json');
  if (cached?.path === path) return cached.specs;
  let specs = BUILT_IN;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { headings?: unknown };
    if (Array.isArray(parsed.headings) && parsed.headings.every((h) => typeof h?.name === 'string' && typeof h?.category === 'string')) {
      specs = parsed.headings as HeadingSpec[];
    }
  } catch {
    // Fall back to the built-in list: the headings file is a convenience, not a requirement.
  }
  cached = { path, specs };
  return specs;
}

export function defaultHeadings(): string[] {
  return headingSpecs().map((h) => h.name);
}

export function isInterventionHeading(heading: string): boolean {
  const h = heading.trim().toLowerCase();
  return headingSpecs().some((s) => s.category === 'intervention' && s.name.toLowerCase() === h);
}
