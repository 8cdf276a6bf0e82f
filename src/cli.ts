/** `npm run calc -- <model> [options]`: the calc core on the command line. */
import { readFileSync } from 'node:fs';
import { analyse, isCalcError } from './calc/index';
import { getNetwork } from './models/registry';
import { isParseError, networkToJson, parseNetwork } from './parse/index';
import { parseArgs, USAGE, UsageError, type CliArgs } from './cli/args';
import { renderTable, renderWiring, toJson } from './cli/report';

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
  if (args.from !== undefined) {
    fromFile(args, args.from);
    return;
  }
  const net = getNetwork(args.model ?? '', args.options);
  const input = args.input === undefined ? undefined : [net.input[0] ?? 3, args.input[0], args.input[1]];
  const analysis = analyse(net, input);
  process.stdout.write(args.json ? `${JSON.stringify(toJson(analysis))}\n` : `${renderTable(analysis)}\n`);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --from ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** --from: parse the file (format detected), analyse, and say which wiring rule applied where. */
function fromFile(args: CliArgs, file: string): void {
  const parsed = parseNetwork(readText(file), args.input === undefined ? {} : { input: args.input });
  if (args.network === true) {
    process.stdout.write(`${networkToJson(parsed.network)}\n`);
    return;
  }
  const analysis = analyse(parsed.network);
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ ...toJson(analysis), format: parsed.format, wiring: parsed.wiring })}\n`);
  } else {
    process.stdout.write(`${renderTable(analysis)}\n\n${renderWiring(parsed.format, parsed.wiring)}\n`);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) fail(e.message, 2);
  if (isCalcError(e) || isParseError(e)) fail(e.message, 1);
  fail(`internal error: ${e instanceof Error ? e.message : String(e)}`, 70);
}
