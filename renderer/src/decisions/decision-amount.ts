import { parseMoney } from '../../../main/shared/money';
import type { FormErrors } from '../components/form-errors';

/**
 * A decision form's Amount box (the decisions log's form and a resolution on an agenda item):
 * pence, null when left empty, or the error to show against `financialAmountPence`.
 */
export function decisionAmount(text: string): { ok: true; pence: number | null } | { ok: false; errors: FormErrors } {
  if (!text.trim()) return { ok: true, pence: null };
  const m = parseMoney(text);
  return m.ok ? { ok: true, pence: m.pence } : { ok: false, errors: { fields: { financialAmountPence: `Amount ${m.reason}` }, form: null } };
}
