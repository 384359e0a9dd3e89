import type { HandlersFor } from '../api/handler-types';
import type { meetingsContract } from './contract';

export const meetingsHandlers: HandlersFor<typeof meetingsContract> = {};
