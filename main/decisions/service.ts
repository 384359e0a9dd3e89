import type { HandlersFor } from '../api/handler-types';
import type { decisionsContract } from './contract';

export const decisionsHandlers: HandlersFor<typeof decisionsContract> = {};
