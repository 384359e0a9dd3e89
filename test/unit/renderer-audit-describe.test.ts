import { describe as group, expect, it } from 'vitest';
import { changesOf, describe, describeLine, formatWhen, recordName, showValue, words } from '../../renderer/src/audit/describe';
import type { AuditEntry } from '../../main/workspace/contract';

/** An audit row as the workspace returns it: the table's columns, snake_case. */
function entry(partial: Partial<AuditEntry> & Pick<AuditEntry, 'action' | 'entity'>): AuditEntry {
  return { id: 1, at: '2020-03-16T10:02:41.123Z', actor: 'test', operation: 'x', entityId: 3, before: null, after: null, ...partial };
}

const jane = { id: 3, honorific: 'Supt', given_name: 'Jane', family_name: 'Smith', job_title: 'Chief Inspector', email: null, notes: '', created_at: '2020-03-16T10:00:00Z', updated_at: '2020-03-16T10:00:00Z' };

group('the audit trail in words', () => {
  it('says when to the minute, as the clock in the row reads (no time zone shift)', () => {
    expect(formatWhen('2020-03-16T10:02:41.123Z')).toBe('16/03/2020 10:02');
    expect(formatWhen('2019-12-31T23:59:59Z')).toBe('31/12/2019 23:59');
  });

  it('turns column names into words, dropping the _id of a reference', () => {
    expect(words('job_title')).toBe('job title');
    expect(words('organisation_id')).toBe('organisation');
    expect(words('funding_stream')).toBe('funding stream');
    expect(words('name')).toBe('name');
  });

  it('shows values so that none, blank and text can be told apart', () => {
    expect(showValue(null)).toBe('(none)');
    expect(showValue(undefined)).toBe('(none)');
    expect(showValue('')).toBe('(blank)');
    expect(showValue('Kent Police')).toBe("'Kent Police'");
    expect(showValue(5)).toBe('5');
    expect(showValue(0)).toBe('0');
    expect(showValue(true)).toBe('true');
  });

  it('names the record: a person by given and family name, else its name, title, key or reference', () => {
    expect(recordName(jane)).toBe('Jane Smith');
    expect(recordName({ id: 1, name: 'Kent Police', reference: 'X' })).toBe('Kent Police');
    expect(recordName({ id: 9, name: '', title: 'Serious violence duty', reference: 'SB/20/01' })).toBe('Serious violence duty');
    expect(recordName({ id: 9, reference: 'SB/20/01' })).toBe('SB/20/01');
    expect(recordName({ id: 9, amount_pence: 100 })).toBeNull();
    expect(recordName(null)).toBeNull();
  });

  it('names a setting as the Settings screen does, and another keyed row by its key', () => {
    expect(recordName({ id: 2, key: 'userName', value: 'Jo Bloggs' })).toBe('user name');
    expect(recordName({ id: 2, key: 'defaultProtectiveMarking', value: 'OFFICIAL' })).toBe('default protective marking');
    expect(recordName({ id: 2, key: 'organisationName', value: 'Kent' })).toBe('organisation name');
    expect(recordName({ id: 2, key: 'importMapping' })).toBe('importMapping');
  });

  it('lists only the fields an update changed, leaving out the bookkeeping columns', () => {
    const e = entry({ action: 'update', entity: 'person', before: jane, after: { ...jane, job_title: 'Superintendent', updated_at: '2020-03-16T10:02:00Z' } });
    expect(changesOf(e)).toEqual([{ field: 'job title', before: "'Chief Inspector'", after: "'Superintendent'" }]);
    expect(describeLine(e)).toBe("16/03/2020 10:02 — test — updated person 3 (Jane Smith): job title 'Chief Inspector' → 'Superintendent'");
  });

  it('says each change of a multi-field update, from none and to blank', () => {
    const e = entry({ action: 'update', entity: 'person', before: jane, after: { ...jane, email: 'jane.smith@kent.police.uk', honorific: '' } });
    expect(describeLine(e)).toBe("16/03/2020 10:02 — test — updated person 3 (Jane Smith): honorific 'Supt' → (blank); email (none) → 'jane.smith@kent.police.uk'");
  });

  it('shows numbers bare, and a reference column by the thing it refers to', () => {
    const board = { id: 4, name: 'Strategic Board', quorum_count: 4, chair_person_id: 7 };
    const e = entry({ action: 'update', entity: 'board', entityId: 4, before: board, after: { ...board, quorum_count: 5, chair_person_id: 8 } });
    expect(describeLine(e)).toBe("16/03/2020 10:02 — test — updated board 4 (Strategic Board): quorum count 4 → 5; chair person 7 → 8");
  });

  it('an update that changed only bookkeeping says so with no list', () => {
    const e = entry({ action: 'update', entity: 'person', before: jane, after: { ...jane, updated_at: '2020-03-17T09:00:00Z' } });
    expect(changesOf(e)).toEqual([]);
    expect(describeLine(e)).toBe('16/03/2020 10:02 — test — updated person 3 (Jane Smith)');
  });

  it('a created record lists the values it was given, leaving out empty ones; its line names it only', () => {
    const kp = { id: 1, name: 'Kent Police', short_name: null, kind: 'police', notes: '', created_at: 'x', updated_at: 'x' };
    const e = entry({ action: 'create', entity: 'organisation', entityId: 1, after: kp });
    expect(describe(e)).toEqual({
      when: '16/03/2020 10:02',
      who: 'test',
      what: 'created organisation 1 (Kent Police)',
      changes: [
        { field: 'name', before: '', after: "'Kent Police'" },
        { field: 'kind', before: '', after: "'police'" },
      ],
    });
    expect(describeLine(e)).toBe('16/03/2020 10:02 — test — created organisation 1 (Kent Police)');
  });

  it('a deleted record is named from its last values, which are listed as before', () => {
    const e = entry({ action: 'delete', entity: 'person', before: jane, actor: 'jo' });
    expect(describe(e).what).toBe('deleted person 3 (Jane Smith)');
    expect(describe(e).changes).toEqual([
      { field: 'honorific', before: "'Supt'", after: '' },
      { field: 'given name', before: "'Jane'", after: '' },
      { field: 'family name', before: "'Smith'", after: '' },
      { field: 'job title', before: "'Chief Inspector'", after: '' },
    ]);
    expect(describeLine(e)).toBe('16/03/2020 10:02 — jo — deleted person 3 (Jane Smith)');
  });

  it('a setting changed reads as the setting by name', () => {
    const before = { id: 2, key: 'userName', value: 'Jo Bloggs' };
    const e = entry({ action: 'update', entity: 'setting', entityId: 2, before, after: { ...before, value: 'Jo Smith' } });
    expect(describeLine(e)).toBe("16/03/2020 10:02 — test — updated setting 2 (user name): value 'Jo Bloggs' → 'Jo Smith'");
  });

  it('a record without a name is named by its table and id alone', () => {
    const e = entry({ action: 'create', entity: 'spend_entry', entityId: 12, after: { id: 12, amount_pence: 125000, month: '2019-04' } });
    expect(describeLine(e)).toBe('16/03/2020 10:02 — test — created spend entry 12');
    expect(describe(e).changes).toEqual([
      { field: 'amount pence', before: '', after: '125000' },
      { field: 'month', before: '', after: "'2019-04'" },
    ]);
  });
});
