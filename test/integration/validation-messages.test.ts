import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/workspace';

/**
 * A field whose schema gives no message of its own is still refused in words that name it
 * (main/api/issue-messages.ts), not zod's "Invalid input: expected number, received
 * undefined" (found by the contract fuzz test).
 */
describe('a refused field without a message of its own', () => {
  it('is named, and said to be required, when it is left out', async () => {
    const ws = await tempWorkspace();
    const err = await ws.fails('membership.setSubstitutes', { id: 1 });
    expect(err).toEqual({ code: 'validation', message: 'personIds: is required', field: 'personIds' });
  });

  it('is named with the kind of value it takes when it is the wrong kind', async () => {
    const ws = await tempWorkspace();
    expect(await ws.fails('paper.nextReference', { boardId: 1, year: 'twenty twenty' })).toEqual({ code: 'validation', message: 'year: must be a number', field: 'year' });
    expect(await ws.fails('paper.nextReference', { boardId: 1, year: 1999 })).toEqual({ code: 'validation', message: 'year: must be at least 2000', field: 'year' });
    expect(await ws.fails('paper.liveTable', { source: 'funding.awards', params: { streamId: 3 } })).toEqual({ code: 'validation', message: 'params.streamId: must be text', field: 'params.streamId' });
    const cell = await ws.fails('indicatorValue.importApply', { rows: [{ row: 1, indicator: true, period: '2019-04', value: 3, status: null, note: null }], indicatorId: null, suppliedByOrganisationId: null, receivedOn: null, expect: null });
    expect(cell).toMatchObject({ code: 'validation', field: 'rows.0.indicator' });
    expect(cell.message).toBe('rows.0.indicator: must be text, a number or empty');
  });

  it('says so when the whole input is not a set of fields', async () => {
    const ws = await tempWorkspace();
    expect(await ws.fails('board.get', 42)).toEqual({ code: 'validation', message: 'The input must be a group of named fields' });
    expect(await ws.fails('board.get', [])).toEqual({ code: 'validation', message: 'The input must be a group of named fields' });
  });

  it('keeps the message a schema gives', async () => {
    const ws = await tempWorkspace();
    expect(await ws.fails('board.get', { id: 'one' })).toEqual({ code: 'validation', message: 'Board must be a number', field: 'id' });
    expect(await ws.fails('board.get', {})).toEqual({ code: 'validation', message: 'Board must be a number', field: 'id' });
  });
});
