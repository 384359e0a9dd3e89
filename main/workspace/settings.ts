import { sql } from '../db/statements';
import type { ProtectiveMarking } from '../documents/house-style';
import type { Ctx } from '../shared/context';
import type { SETTING_KEYS } from './contract';

/** The workspace's settings as the areas read them (they are written by workspace.setSetting). */

export type SettingKey = (typeof SETTING_KEYS)[number];

/** A setting's value, or undefined where it has never been set. */
export async function readSetting(ctx: Ctx, key: SettingKey): Promise<string | undefined> {
  return (await sql<{ value: string }>(ctx, 'SELECT value FROM setting WHERE key = ?').get(key))?.value;
}

/** The marking every export prints: OFFICIAL-SENSITIVE where the workspace says so, otherwise OFFICIAL. */
export async function exportMarking(ctx: Ctx): Promise<ProtectiveMarking> {
  return await readSetting(ctx, 'defaultProtectiveMarking') === 'OFFICIAL-SENSITIVE' ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL';
}
