import type { Contract } from './contract';
import type { HandlersFor } from './handler-types';
import type { SessionOperation } from './session';
import { decisionsHandlers } from '../decisions/service';
import { fundingHandlers } from '../funding/service';
import { grantsHandlers } from '../grants/service';
import { scoringHandlers } from '../grants/scoring';
import { interestsHandlers } from '../interests/service';
import { meetingDetail, meetingsHandlers } from '../meetings/service';
import { minutesHandlers } from '../meetings/minutes-record';
import { boardPlanHandlers } from '../meetings/board-plan';
import { papersHandlers } from '../papers/service';
import { peopleHandlers } from '../people/service';
import { performanceHandlers } from '../performance/service';
import { workspaceHandlers } from '../workspace/service';

/**
 * Every operation's handler; the type makes a missing one a compile error. The session
 * operations (workspace.reopen, workspace.open, workspace.moveTo) are served by the dispatcher itself.
 */
export const handlers: HandlersFor<Omit<Contract, SessionOperation>> = {
  ...workspaceHandlers,
  ...peopleHandlers,
  ...interestsHandlers,
  ...meetingsHandlers,
  ...minutesHandlers(meetingDetail),
  ...boardPlanHandlers,
  ...papersHandlers,
  ...decisionsHandlers,
  ...performanceHandlers,
  ...fundingHandlers,
  ...grantsHandlers,
  ...scoringHandlers,
};
