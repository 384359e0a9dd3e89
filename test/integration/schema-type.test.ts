import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaSource } from '../../scripts/schema-gen';

/**
 * main/db/schema.ts is generated from the migrations (the table descriptions and the Kysely
 * type every query is checked against). A migration added without regenerating it would
 * leave the types describing tables that are no longer there: this fails until it is run.
 */
describe('main/db/schema.ts', () => {
  it('is what scripts/schema-gen.ts makes from the migrations (else run npx tsx scripts/schema-gen.ts)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', '..', 'main', 'db', 'schema.ts'), 'utf8');
    // Compared line by line so a failure shows the lines that differ, not two whole files.
    expect(committed.split('\n')).toEqual(schemaSource().split('\n'));
  });
});
