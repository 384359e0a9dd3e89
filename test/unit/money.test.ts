import { describe, expect, it } from 'vitest';
import { formatPence, parseMoney, sumPence } from '../../main/shared/money';

const pence = (text: string) => {
  const r = parseMoney(text);
  if (!r.ok) throw new Error(r.reason);
  return r.pence;
};

describe('money as a person types it', () => {
  it('understands the forms finance uses', () => {
    expect(pence('£1.16m')).toBe(116_000_000);
    expect(pence('1,160,000')).toBe(116_000_000);
    expect(pence('1160000.00')).toBe(116_000_000);
    expect(pence('£35k')).toBe(3_500_000);
    expect(pence('£36,814')).toBe(3_681_400);
    expect(pence('527573')).toBe(52_757_300);
    expect(pence('34,125.5')).toBe(3_412_550);
    expect(pence('£ 1.66m')).toBe(166_000_000);
    expect(pence('-£250.50')).toBe(-25_050);
    expect(pence('(250.50)')).toBe(-25_050);
    expect(pence('.5')).toBe(50);
    expect(pence('£1.1234567m')).toBe(112_345_670);
  });

  it('refuses what is not money, with a reason', () => {
    for (const bad of ['abc', '', '£', '1.234', '1,23', '12,3456', '£1.123456789m', '1e6', '£35kk']) {
      const r = parseMoney(bad);
      expect(r.ok, bad).toBe(false);
    }
    const r = parseMoney('1.234');
    expect(!r.ok && r.reason).toMatch(/more than two decimal places/);
  });

  it('quotes a long paste by its start in the reason, not whole (found by the contract fuzz test)', () => {
    const r = parseMoney('9'.repeat(100_000));
    expect(r.ok).toBe(false);
    const reason = r.ok ? '' : r.reason;
    expect(reason).toBe('"999999999999999999999999999999…" (100000 characters) is too large');
    const typed = parseMoney('£35,000 and some words');
    expect(!typed.ok && typed.reason).toBe('"£35,000 and some words" is not an amount of money; write it like £35,000 or 1160000.00');
  });

  it('writes pounds the en-GB way, pence only when there are any', () => {
    expect(formatPence(3_681_400)).toBe('£36,814');
    expect(formatPence(3_412_550)).toBe('£34,125.50');
    expect(formatPence(116_000_000)).toBe('£1,160,000');
    expect(formatPence(-25_050)).toBe('-£250.50');
    expect(formatPence(100, { alwaysPence: true })).toBe('£1.00');
  });

  it('adds pence without drift', () => {
    const awards = [3_681_400, 3_500_000, 3_500_000, 3_200_000, 500_000, 3_412_500];
    expect(sumPence(awards)).toBe(17_793_900);
    expect(sumPence(Array(1000).fill(10))).toBe(10_000);
  });
});
