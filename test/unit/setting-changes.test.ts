import { describe, expect, it } from 'vitest';
import { blankSettings, settingChanges } from '../../renderer/src/workspace/setting-changes';

/**
 * The Settings form's save, against what the form read (issue 14's review, point 2). Bob opened
 * Settings reading organisation "Kent VRU", no name of his own, marking OFFICIAL (the default);
 * then Alice changed the marking to OFFICIAL-SENSITIVE and the organisation to "K&M VRU", which
 * refreshed the live settings but not Bob's boxes.
 */
const FIELDS = ['organisationName', 'userName', 'defaultProtectiveMarking'] as const;
type Key = (typeof FIELDS)[number];
const read: Record<Key, string> = { organisationName: 'Kent VRU', userName: '', defaultProtectiveMarking: 'OFFICIAL' };
const live: Record<Key, string> = { organisationName: 'K&M VRU', userName: '', defaultProtectiveMarking: 'OFFICIAL-SENSITIVE' };

describe('what a Settings save sends', () => {
  it('sends only the boxes Bob changed from what he read, not those a colleague changed since', () => {
    const boxes = { ...read, userName: 'Bob Jones' };
    expect(settingChanges(FIELDS, boxes, (k) => read[k])).toEqual([{ key: 'userName', value: 'Bob Jones' }]);
    // Compared with the live settings (the old form), his untouched boxes looked changed, and were sent over Alice's.
    expect(settingChanges(FIELDS, boxes, (k) => live[k]).map((c) => c.key)).toEqual(['organisationName', 'userName', 'defaultProtectiveMarking']);
  });

  it("sends a box Bob changed to what a colleague has since saved: the workspace then finds it already so, or names her", () => {
    const boxes = { ...read, organisationName: 'K&M VRU' };
    expect(settingChanges(FIELDS, boxes, (k) => read[k])).toEqual([{ key: 'organisationName', value: 'K&M VRU' }]);
    // Against the live settings it looked unchanged and was dropped, and the marking he never touched was sent instead.
    expect(settingChanges(FIELDS, boxes, (k) => live[k]).map((c) => c.key)).toEqual(['defaultProtectiveMarking']);
  });

  it('refuses a box emptied that held a value when read, and the required one; a box read empty may stay empty', () => {
    const boxes = { ...read, organisationName: '' };
    expect(blankSettings(FIELDS, boxes, (k) => read[k], ['organisationName'])).toEqual(['organisationName']);
    // Alice has since given a name of her own to the workspace: Bob's empty box, read empty, is not "required".
    const named = { ...live, userName: 'Alice Smith' };
    expect(blankSettings(FIELDS, { ...read }, (k) => read[k], ['organisationName'])).toEqual([]);
    expect(blankSettings(FIELDS, { ...read }, (k) => named[k], ['organisationName'])).toEqual(['userName']);
  });
});
