import type { HandlersFor } from '../api/handler-types';
import type { papersContract } from './contract';

export const papersHandlers: HandlersFor<typeof papersContract> = {};
