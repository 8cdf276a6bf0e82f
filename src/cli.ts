/** `npm run calc -- <model> [options]`: the calc core on the command line. */
import { analyse, isCalcError } from './calc/index';
import { getNetwork } from './models/registry';
import { parseArgs, USAGE, UsageError } from './cli/args';
import { renderTable, toJson } from './cli/report';

function fail(message: string, code: number): never {
  // One line on stderr, no stack trace: the message already says what is wrong.
  process.stderr.write(`calc: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(code);
}

function main(argv: readonly string[]): void {
  if (argv.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const net = getNetwork(args.model, args.options);
  const input = args.input === undefined ? undefined : [net.input[0] ?? 3, args.input[0], args.input[1]];
  const analysis = analyse(net, input);
  process.stdout.write(args.json ? `${JSON.stringify(toJson(analysis))}\n` : `${renderTable(analysis)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) fail(e.message, 2);
  if (isCalcError(e)) fail(e.message, 1);
  fail(`internal error: ${e instanceof Error ? e.message : String(e)}`, 70);
}
