import { exportActionLogVerb, exportAgendaVerb, exportMinutesVerb } from '../meetings/cli-exports';
import { exportFundingVerb, exportReturnVerb } from '../funding/cli-exports';
import { exportPerformanceVerb } from '../performance/cli-exports';
import { exportAgendaPackVerb, exportPaperVerb } from '../papers/cli-exports';
import { exportDecisionNoticeVerb, exportDecisionsVerb } from '../decisions/cli-exports';
import type { Verb, VerbGroup } from './verb';

/**
 * `export KIND`: documents and returns. Each kind is a Verb with its own options
 * (e.g. --meeting ID --out FILE.docx); adding a kind is adding an entry here.
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
  'decision-notice': exportDecisionNoticeVerb,
};

export const exportGroup: VerbGroup = {
  name: 'export',
  summary: 'Write a document or return from the workspace.',
  kinds: exportKinds,
};
