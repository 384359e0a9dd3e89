import type { HandlersFor } from '../api/handler-types';
import type { performanceContract } from './contract';

export const performanceHandlers: HandlersFor<typeof performanceContract> = {};
