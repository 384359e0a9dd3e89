import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Bid, FundingRound } from '../../../main/grants/contract';
import { formatPence } from '../../../main/shared/money';
import { api, call, messageOf } from '../api';
import { DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormDialog } from '../components/FormParts';
import { optionsOf, SelectField, TextAreaField } from '../components/fields';
import { useApiForm } from '../components/useApiForm';
import { opKey, write } from '../queries';

const SCORE_TABLES = ['bid_score', 'bid_conflict', 'interest', 'person'];

/** The bids ranked by weighted total, with what the panel could award and the money left at each cut-off line. */
export function RankingTable({ round }: { round: FundingRound }) {
  const input = { roundId: round.id, fund: null };
  const q = useQuery({ queryKey: opKey('round.ranking', input), queryFn: () => call(api().round.ranking(input)) });
  const ranking = q.data;
  if (q.error) return <ErrorSummary message={messageOf(q.error)} />;
  if (!ranking) return null;
  return (
    <section className="section" aria-labelledby="ranking-title">
      <h3 id="ranking-title">Ranked list</h3>
      <p className="hint">
        Weighted total: for each criterion the mean of the panel’s scores times its weight. Recommended: each year’s ask up to the cap. Money left: the fund ({formatPence(ranking.fundPence)}, the stream’s
        allocations for {round.years.join(', ')}) less the bids down to that line.
        {ranking.unscored.length > 0 && ` Not yet scored, so not ranked: ${ranking.unscored.map((u) => u.organisationName).join(', ')}.`}
      </p>
      <DataTable
        caption={`Ranked bids to the ${round.name}`}
        className="table funding-table"
        rows={ranking.bids}
        rowKey={(b) => b.bidId}
        empty="No bid has been scored yet."
        columns={[
          { header: 'Rank', numeric: true, cell: (b) => String(b.rank) },
          { header: 'Organisation', rowHeader: true, cell: (b) => b.organisationName },
          { header: 'Project', cell: (b) => b.project },
          { header: 'Weighted total', numeric: true, cell: (b) => `${b.weightedTotal} of ${b.maxTotal}${b.complete ? '' : ' (incomplete)'}${b.moderated.length ? ` (moderated: ${b.moderated.join(', ')})` : ''}` },
          { header: 'Scored by', cell: (b) => b.scorers.join(', ') },
          { header: 'Recommended', numeric: true, cell: (b) => formatPence(b.recommendedPence) },
          { header: 'Cumulative', numeric: true, cell: (b) => formatPence(b.cumulativePence) },
          { header: 'Money left at this line', numeric: true, cell: (b) => <span className={b.leftPence < 0 ? 'overspend' : undefined}>{formatPence(b.leftPence)}</span> },
        ]}
      />
    </section>
  );
}

type ScoreValues = { personId: string; scores: Record<number, string>; comments: Record<number, string> };

/**
 * One panel member's scores of one bid: a score (0 to the round's top) and a comment per
 * criterion. Someone with a conflict in the bidding organisation is refused naming it; the
 * member's scores already recorded are shown and sent back with their versions.
 */
export function ScoreDialog({ round, bid, onClose }: { round: FundingRound; bid: Bid; onClose: () => void }) {
  const people = useQuery({ queryKey: opKey('person.list', { search: '', organisationId: null }), queryFn: () => call(api().person.list({ search: '', organisationId: null })) });
  const conflictsQ = useQuery({ queryKey: opKey('bid.conflicts', { bidId: bid.id }), queryFn: () => call(api().bid.conflicts({ bidId: bid.id })) });
  const scoresQ = useQuery({ queryKey: opKey('bid.scores', { bidId: bid.id }), queryFn: () => call(api().bid.scores({ bidId: bid.id })) });
  const [personId, setPersonId] = useState('');
  const existing = (scoresQ.data ?? []).filter((s) => String(s.personId) === personId);
  const form = useApiForm({
    fields: ['personId', ...round.criteria.flatMap((_, i) => [`scores.${i}.score`, `scores.${i}.comment`])],
    idPrefix: 'score-',
    initial: (): ScoreValues => ({ personId: '', scores: {}, comments: {} }),
    check: (v) => (v.personId === '' ? { personId: 'Choose the panel member scoring.' } : null),
    toInput: (v) => ({
      bidId: bid.id,
      personId: Number(v.personId),
      scores: round.criteria.filter((c) => (v.scores[c.id] ?? '') !== '').map((c) => ({ criterionId: c.id, score: Number(v.scores[c.id]), comment: v.comments[c.id] ?? '' })),
      versions: existing.map((s) => ({ id: s.id, version: s.version })),
    }),
    submit: async (input) => {
      await write(api().bid.score(input), SCORE_TABLES);
      onClose();
    },
  });
  const choose = (id: string) => {
    setPersonId(id);
    const mine = (scoresQ.data ?? []).filter((s) => String(s.personId) === id);
    form.reset({
      personId: id,
      scores: Object.fromEntries(mine.map((s) => [s.criterionId, String(s.score)])),
      comments: Object.fromEntries(mine.map((s) => [s.criterionId, s.comment])),
    });
  };
  const scale = Array.from({ length: round.maxScore + 1 }, (_, i) => ({ value: String(i), label: String(i) }));
  const conflicts = conflictsQ.data ?? [];
  return (
    <FormDialog title={`Score: ${bid.organisationName}, ${bid.project}`} form={form} submit="Save scores" onClose={onClose} wide>
      {conflicts.length > 0 && (
        <div className="warning-panel" role="note">
          <p>Kept from scoring this bid:</p>
          <ul>
            {conflicts.map((c, i) => (
              <li key={i}>{c.reason}</li>
            ))}
          </ul>
        </div>
      )}
      <SelectField label="Panel member" options={optionsOf(people.data ?? [], (p) => `${p.givenName} ${p.familyName}`, 'Choose…')} {...form.field('personId')} onChange={choose} />
      {round.criteria.map((c, i) => (
        <fieldset key={c.id} className="fieldset">
          <legend>
            {c.name} (weight {c.weight})
          </legend>
          <div className="field-row">
            <SelectField
              name={`score-scores.${i}.score`}
              label={`Score, 0 to ${round.maxScore}`}
              options={[{ value: '', label: 'Not scored' }, ...scale]}
              value={form.values.scores[c.id] ?? ''}
              error={form.errors.fields[`scores.${i}.score`]}
              onChange={(v) => form.set('scores')({ ...form.values.scores, [c.id]: v })}
            />
            <TextAreaField
              name={`score-scores.${i}.comment`}
              label="Comment"
              value={form.values.comments[c.id] ?? ''}
              onChange={(v) => form.set('comments')({ ...form.values.comments, [c.id]: v })}
            />
          </div>
        </fieldset>
      ))}
    </FormDialog>
  );
}
