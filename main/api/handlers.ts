import type { Contract } from './contract';
import type { HandlersFor } from './handler-types';
import { decisionsHandlers } from '../decisions/service';
import { fundingHandlers } from '../funding/service';
import { meetingsHandlers } from '../meetings/service';
import { papersHandlers } from '../papers/service';
import { peopleHandlers } from '../people/service';
import { performanceHandlers } from '../performance/service';
import { workspaceHandlers } from '../workspace/service';

/** Every operation's handler; the type makes a missing one a compile error. */
export const handlers: HandlersFor<Contract> = {
  ...workspaceHandlers,
  ...peopleHandlers,
  ...meetingsHandlers,
  ...papersHandlers,
  ...decisionsHandlers,
  ...performanceHandlers,
  ...fundingHandlers,
};
