import type { Contract } from './contract';
import type { HandlersFor } from './handler-types';
import { peopleHandlers } from '../people/service';
import { workspaceHandlers } from '../workspace/service';

/** Every operation's handler; the type makes a missing one a compile error. */
export const handlers: HandlersFor<Contract> = {
  ...workspaceHandlers,
  ...peopleHandlers,
};
