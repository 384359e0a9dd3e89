import { describe, expect, it } from 'vitest';
import { closingTest, insertIndexBeforeClosing } from '../../main/meetings/agenda-closing';
import { inquorateResolutionNote, inquorateWarningText } from '../../main/meetings/inquorate';
import { quorum } from '../../main/meetings/quorum';
import { BUILT_IN_STANDING_ITEMS, type StandingItem } from '../../main/meetings/standing-items';

const row = (title: string, standingKind: string | null = null) => ({ title, standingKind });

describe('closing standing items (review of issue 15, F7)', () => {
  const own: StandingItem[] = [
    ...BUILT_IN_STANDING_ITEMS,
    { kind: null, placement: 'end', title: 'Review of the meeting', purpose: 'noting', minutesAllotted: 5, lead: 'chair' },
    { kind: null, placement: 'start', title: 'Risk register', purpose: 'noting', minutesAllotted: 5, lead: null },
  ];
  const isClosing = closingTest(own);

  it('a new item goes before any other business, the date of next meeting and the board’s own closing item', () => {
    const agenda = [row('Welcome', 'welcome'), row('Risk register'), row('Problem Profile'), row('Any other business', 'aob'), row('Date of next meeting', 'next_meeting'), row('Review of the meeting')];
    expect(insertIndexBeforeClosing(agenda, isClosing)).toBe(3);
  });

  it('knows the board’s own closing item by its title, whatever its spacing or case, and an opening one is not closing', () => {
    expect(isClosing(row('  review of the   MEETING '))).toBe(true);
    expect(isClosing(row('Risk register'))).toBe(false);
    expect(isClosing(row('Review of the meeting', 'minutes'))).toBe(false);
  });

  it('only the run at the end counts: a closing item moved up the agenda is passed over', () => {
    const agenda = [row('Any other business', 'aob'), row('Problem Profile'), row('Date of next meeting', 'next_meeting')];
    expect(insertIndexBeforeClosing(agenda, isClosing)).toBe(2);
    expect(insertIndexBeforeClosing([], isClosing)).toBe(0);
  });

  it('any other business and the date of next meeting close every agenda, even one whose board lists neither', () => {
    const bare = closingTest([]);
    expect(insertIndexBeforeClosing([row('Item'), row('AOB', 'aob'), row('Next', 'next_meeting')], bare)).toBe(1);
  });
});

describe('resolutions while not quorate (review of issue 15, F8)', () => {
  const rule = { count: 3, requiredOrganisations: [] };
  const members = [1, 2, 3, 4].map((id) => ({ personId: id, name: `M${id}`, organisationId: null, role: 'member' as const }));
  const present = (ids: number[]) => ids.map((id) => ({ personId: id, name: `M${id}`, status: 'present' as const, substituteForPersonId: null }));

  it('two of three present: one member short, said under the resolution and in the warning', () => {
    const q = quorum(rule, members, present([1, 2]));
    expect(inquorateResolutionNote({ quorum: q, decisions: [{ status: 'agreed' }] })).toBe(
      'This resolution was recorded while the meeting was not quorate for this item: 2 members present or represented (quorum 3); 1 member short.',
    );
    expect(inquorateWarningText(4, q)).toBe('The meeting is not quorate for item 4: 2 members present or represented (quorum 3); 1 member short. A decision recorded now is minuted as taken while the meeting was not quorate.');
  });

  it('nothing to say when quorate, when attendance is not recorded, or when the only decision is still proposed', () => {
    expect(inquorateResolutionNote({ quorum: quorum(rule, members, present([1, 2, 3])), decisions: [{ status: 'agreed' }] })).toBeNull();
    expect(inquorateResolutionNote({ quorum: null, decisions: [{ status: 'agreed' }] })).toBeNull();
    expect(inquorateResolutionNote({ quorum: quorum(rule, members, present([1])), decisions: [{ status: 'proposed' }] })).toBeNull();
  });

  it('a member who withdrew takes the item below quorum', () => {
    const q = quorum(rule, members, present([1, 2, 3]), [3]);
    expect(inquorateResolutionNote({ quorum: q, decisions: [{ status: 'agreed' }, { status: 'deferred' }] })).toBe(
      'These resolutions were recorded while the meeting was not quorate for this item: 2 members present or represented, not counting 1 member who withdrew (quorum 3); 1 member short.',
    );
  });
});
