import type { z } from 'zod';

/**
 * Words for the zod issues of a field whose schema gives no message of its own (most
 * fields do, through main/api/fields.ts). zod's defaults read "Invalid input: expected
 * number, received undefined": no field named, and "undefined" is not a word for the
 * secretariat. These start in lower case, so validationError puts the field's path in
 * front: "cells.0.amount: must be text". A schema's own message always wins over these.
 */

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'yes or no (true or false)',
  array: 'a list',
  object: 'a group of named fields',
  null: 'empty',
  date: 'a date',
  bigint: 'a whole number',
};

const typeWords = (expected: string) => TYPE_WORDS[expected] ?? expected;

function orList(items: string[]): string {
  const unique = [...new Set(items)];
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

export const issueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${typeWords(issue.expected)}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'is required' : `must be at least ${plural(issue.minimum, 'character', 'characters')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must list at least ${plural(issue.minimum, 'item', 'items')}`;
      return issue.inclusive === false ? `must be more than ${issue.minimum}` : `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${plural(issue.maximum, 'character', 'characters')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must list at most ${plural(issue.maximum, 'item', 'items')}`;
      return issue.inclusive === false ? `must be less than ${issue.maximum}` : `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${String(issue.values[0])}` : `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_union': {
      if (issue.input === undefined) return 'is required';
      if (issue.discriminator) return `must have a ${issue.discriminator} of ${orList((Array.isArray(issue.options) ? (issue.options as unknown[]) : []).map(String))}`;
      const expected = (issue.errors ?? []).map((branch) => (branch[0]?.code === 'invalid_type' && branch.length === 1 ? typeWords(branch[0].expected) : null));
      return expected.length > 0 && expected.every((e) => e !== null) ? `must be ${orList(expected as string[])}` : 'is not in a form this field accepts';
    }
    case 'invalid_format':
      return 'is not in the expected form';
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'invalid_key':
      return 'has an entry whose name is not allowed';
    case 'invalid_element':
      return 'has an entry that is not allowed';
    case 'custom':
      return 'is not valid';
    default:
      // unrecognized_keys: validationError names the keys itself.
      return undefined;
  }
};
