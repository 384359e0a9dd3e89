import { exportActionLogVerb, exportAgendaVerb, exportMinutesVerb } from '../meetings/cli-exports';
import { exportFundingVerb, exportReturnVerb } from '../funding/cli-exports';
import { exportPerformanceVerb } from '../performance/cli-exports';
import { exportAgendaPackVerb, exportPaperVerb } from '../papers/cli-exports';
import { exportDecisionsVerb } from '../decisions/cli-exports';
import type { Verb, VerbGroup } from './verb';

/**
 * `export KIND`: documents and returns. Each later issue adds its kind here as a Verb
 * (its own options, e.g. --meeting ID --out FILE.docx); until then a planned kind says
 * plainly that it is not available yet.
 */
export const exportKinds: Record<string, Verb> = {
  agenda: exportAgendaVerb,
  minutes: exportMinutesVerb,
  'action-log': exportActionLogVerb,
  performance: exportPerformanceVerb,
  return: exportReturnVerb,
  funding: exportFundingVerb,
  paper: exportPaperVerb,
  'agenda-pack': exportAgendaPackVerb,
  decisions: exportDecisionsVerb,
};

export const exportGroup: VerbGroup = {
  name: 'export',
  summary: 'Write a document or return from the workspace.',
  kinds: exportKinds,
  planned: ['agenda', 'minutes', 'action-log', 'paper', 'agenda-pack', 'decisions', 'performance', 'return', 'funding'],
};
