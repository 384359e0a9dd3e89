import { runCli } from './cli/run';

// `npm run cli -- <command>`: see main/cli/verbs.ts for the commands.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
