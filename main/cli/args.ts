import { parseArgs } from 'node:util';
import { UsageError } from './io';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Shown in the usage text, e.g. FILE. */
  value?: string;
  required?: boolean;
  help: string;
}

export interface ArgsSpec {
  /** As typed after `npm run cli --`, e.g. "init" or "export agenda". */
  name: string;
  options: Record<string, OptionSpec>;
  /** Positional arguments, all required, in order. */
  positionals?: { name: string; help: string }[];
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function usageLine(spec: ArgsSpec): string {
  const opts = Object.entries(spec.options).map(([name, o]) => {
    const text = o.type === 'string' ? `--${name} ${o.value ?? 'VALUE'}` : `--${name}`;
    return o.required ? text : `[${text}]`;
  });
  return [spec.name, ...opts, ...(spec.positionals ?? []).map((p) => p.name)].join(' ');
}

/**
 * node:util parseArgs in its lenient mode, then our own checks, so every mistake is named
 * in words: the unknown flag, the flag without its value, the missing argument.
 */
export function parseVerbArgs(spec: ArgsSpec, argv: string[]): ParsedArgs {
  const usage = usageLine(spec);
  const options = Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, { type: o.type }]));
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const values: ParsedArgs['values'] = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    const opt = spec.options[token.name];
    if (!opt) throw new UsageError(`unknown option ${token.rawName} for ${spec.name}`, usage);
    if (token.name in values) throw new UsageError(`${token.rawName} is given more than once`, usage);
    if (opt.type === 'string') {
      if (token.value === undefined || token.value === '' || (!token.inlineValue && token.value.startsWith('-'))) {
        throw new UsageError(`${token.rawName} needs a value (${token.rawName} ${opt.value ?? 'VALUE'})`, usage);
      }
      values[token.name] = token.value;
    } else {
      if (token.inlineValue) throw new UsageError(`${token.rawName} does not take a value`, usage);
      values[token.name] = true;
    }
  }
  for (const [name, opt] of Object.entries(spec.options)) {
    if (opt.required && values[name] === undefined) throw new UsageError(`${spec.name} needs --${name} ${opt.value ?? 'VALUE'}`, usage);
  }
  const wanted = spec.positionals ?? [];
  if (positionals.length < wanted.length) throw new UsageError(`${spec.name} needs ${wanted[positionals.length]!.name}`, usage);
  if (positionals.length > wanted.length) throw new UsageError(`unexpected argument "${positionals[wanted.length]}" for ${spec.name}`, usage);
  return { values, positionals };
}
