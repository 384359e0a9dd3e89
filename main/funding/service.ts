import type { HandlersFor } from '../api/handler-types';
import type { fundingContract } from './contract';

export const fundingHandlers: HandlersFor<typeof fundingContract> = {};
