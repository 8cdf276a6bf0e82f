/** Command-line parsing for `npm run calc`: pure, so it is unit-tested without spawning. */
import { NETWORK_OPTIONS, optionNames, type NetworkOptions, type OptionName } from '../models/options';

/** One help line: the flag column is 23 wide, a longer flag keeps two spaces before its text. */
const helpLine = (flags: string, text: string): string => `  ${flags.length >= 23 ? `${flags}  ` : flags.padEnd(23)}${text}`;

const optionHelp = optionNames.map((name) => helpLine(NETWORK_OPTIONS[name].usage, NETWORK_OPTIONS[name].help)).join('\n');

export const USAGE = `Usage: npm run --silent calc -- <model> [options]
       npm run --silent calc -- --from <file> [--input N | HxW] [--json | --network]

Prints per-layer shapes, parameters, MACs and receptive fields, then totals.
--from reads your own network: PyTorch's print(model) text, a Caffe .prototxt or the
network JSON that --network prints (the format is detected from the text), and says
which wiring rule applied where.

Options:
  --input N | HxW        input height and width (default: the model's, e.g. 224)
${optionHelp}
  --json                 print one JSON object instead of the table
  --from FILE            analyse the network in FILE instead of a built-in model
  --network              with --from: print the parsed network as the calc core's JSON
  -h, --help             show this help

Counts: params = weights + biases + BN γ/β, aux heads included (torchvision's num_params);
MACs = multiply-accumulates of conv and linear layers in one eval-mode forward pass, so aux
heads (training only) are left out and reported on their own line ("auxMacs" in --json);
torchvision's "GFLOPS" column = MACs / 1e9.
Receptive field (RF): the model's is that of its last spatial feature map. Global average
pooling ends it, whether AdaptiveAvgPool2d(1) or a fixed window covering the whole map (BVLC
GoogLeNet's 7×7 pool5), so both GoogLeNets report it at inception5b.`;

/** A mistake on the command line (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliArgs {
  /** A registry id; absent with --from. */
  readonly model?: string;
  /** --from: a file with a pasted network. */
  readonly from?: string;
  /** --network: print the parsed network instead of its analysis. */
  readonly network?: true;
  /** [height, width] when --input was given. */
  readonly input?: readonly [number, number];
  readonly options: NetworkOptions;
  readonly json: boolean;
}

export type ParsedArgs = { readonly help: true } | ({ readonly help: false } & CliArgs);

function size(text: string): number {
  if (!/^[0-9]+$/.test(text)) throw new UsageError(`--input takes N or HxW with whole numbers, got "${text}"`);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--input sizes must be positive, got "${text}"`);
  return n;
}

export function parseInput(text: string): readonly [number, number] {
  const parts = text.split(/[x×]/);
  if (parts.length === 1) {
    const n = size(text);
    return [n, n];
  }
  if (parts.length === 2) return [size(parts[0] ?? ''), size(parts[1] ?? '')];
  throw new UsageError(`--input takes N or HxW, got "${text}"`);
}

function oneOf<T extends boolean | string | number>(flag: string, text: string, allowed: readonly T[]): T {
  const hit = allowed.find((a) => String(a) === text);
  if (hit === undefined) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${text}"`);
  return hit;
}

/** The table option a flag sets; a boolean option has a --flag and a --no-flag (negated). */
function optionOfFlag(flag: string): { name: OptionName; negated?: boolean } | undefined {
  for (const name of optionNames) {
    const spec = NETWORK_OPTIONS[name];
    const boolean = typeof spec.domain[0] === 'boolean';
    if (flag === spec.flag) return boolean ? { name, negated: false } : { name };
    if (boolean && flag === `--no-${spec.flag.slice(2)}`) return { name, negated: true };
  }
  return undefined;
}

/** Parses argv after the script name. Accepts "--flag value" and "--flag=value". */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let model: string | undefined;
  let input: readonly [number, number] | undefined;
  let json = false;
  let from: string | undefined;
  let network = false;
  const options: Record<string, boolean | string | number> = {};

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const value = (): string => {
      if (eq !== -1) return arg.slice(eq + 1);
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      i += 1;
      return next;
    };
    const noValue = (): void => {
      if (eq !== -1) throw new UsageError(`${flag} takes no value`);
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { help: true };
      case '--json':
        noValue();
        json = true;
        break;
      case '--input':
        input = parseInput(value());
        break;
      case '--from':
        from = value();
        break;
      case '--network':
        noValue();
        network = true;
        break;
      default: {
        const option = optionOfFlag(flag);
        if (option !== undefined) {
          const domain: readonly (boolean | string | number)[] = NETWORK_OPTIONS[option.name].domain;
          if (option.negated === undefined) {
            options[option.name] = oneOf(flag, value(), domain);
          } else {
            noValue();
            options[option.name] = !option.negated;
          }
          break;
        }
        if (arg.startsWith('-')) throw new UsageError(`unknown option "${flag}" (see --help)`);
        if (model !== undefined) throw new UsageError(`one model at a time, got "${model}" and "${arg}"`);
        model = arg;
      }
    }
  }
  if (from !== undefined) {
    if (model !== undefined) throw new UsageError(`a model id or --from, not both (got "${model}" and --from)`);
    const set = Object.keys(options);
    if (set.length > 0) throw new UsageError(`--from takes only --input, --json and --network; ${set.join(', ')} apply to built-in models`);
    if (network && json) throw new UsageError('--network and --json are two different outputs; give one');
    return { help: false, from, options: options as NetworkOptions, json, ...(network ? { network: true as const } : {}), ...(input === undefined ? {} : { input }) };
  }
  if (network) throw new UsageError('--network needs --from');
  if (model === undefined) throw new UsageError('no model given (see --help)');
  return { help: false, model, options: options as NetworkOptions, json, ...(input === undefined ? {} : { input }) };
}
