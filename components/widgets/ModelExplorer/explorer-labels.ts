/**
 * The model explorer's English labels (server only: the browser renders with the labels the
 * server wrote into data-labels), with one per option field and choice from the options table.
 */
import { NETWORK_OPTIONS, optionNames, type OptionName } from '../../../src/models/options';

/** B's option fields are the option's field name as vs + Capitalised (vsAux, vsStride, vsOs). */
export const vsName = <F extends string>(field: F): `vs${Capitalize<F>}` => `vs${field.charAt(0).toUpperCase()}${field.slice(1)}` as `vs${Capitalize<F>}`;
const vsField = (o: OptionName) => vsName(NETWORK_OPTIONS[o].field);

/** The English labels, built on the server only (see `explorerLabels`). */
function englishLabels() {
  const optionLabels: Record<string, string> = Object.fromEntries(
    optionNames.flatMap((o) => {
      const { field, label, choices } = NETWORK_OPTIONS[o];
      return [
        [field, label],
        [vsField(o), `Its ${label.charAt(0).toLowerCase()}${label.slice(1)}`],
        ...choices.map((c) => [`${field}.${c.value}`, c.label]),
      ];
    }),
  );
  return {
    title: 'Model explorer',
    model: 'Model',
    ...optionLabels,
    size: 'Input size H = W',
    vs: 'Compare with',
    'vs.none': '— nothing —',
    reset: 'Reset',
    expand: 'Expand all',
    collapse: 'Collapse all',
    layers: 'Every layer',
    totals: 'Totals',
    rfChart: 'Receptive field with depth',
    bars: 'Parameters and MACs per block',
    name: 'Layer',
    kind: 'Kind',
    detail: 'Detail',
    output: 'Output',
    params: 'Parameters',
    macs: 'MACs',
    bytes: 'Bytes (fp32)',
    intensity: 'MACs/byte',
    rf: 'RF',
    jump: 'S',
    noAux: 'no aux heads',
    strideOn1x1: 'stride on 1×1',
    listJoin: ', ',
    summaryOne: '{model} at {size}×{size}: {params} parameters, {macs} MACs, receptive field {rf} px at stride {S}',
    summaryVs: '{one}; {model}: {params} parameters, {macs} MACs.',
    period: '.',
    layersHint:
      '{n} groups; open one to see its layers. Block rows of the core are shaded; Bytes = fp32 parameters + inputs + output of the layer run on its own (unfused); MACs/byte = arithmetic intensity; RF = receptive field (px), S = effective stride.',
    sameScale: 'Same scale for both models.',
    unitMeta: '{n} layers · {shape} · {params} params · {macs} MACs · RF {rf}',
    unitMetaOne: '1 layer · {shape} · {params} params · {macs} MACs · RF {rf}',
    weights: '  weights',
    biases: '  biases',
    bn: '  batch-norm γ, β',
    flops: 'FLOPs = 2 × MACs',
    traffic: 'Memory traffic, fp32, layer by layer',
    auxRow: '  + aux heads (training only)',
    auxAdds: 'training-mode forward adds {macs} MACs',
    accuracy: 'ImageNet top-1 / top-5 (published weights)',
    noWeights: '— (no weights for this variant or input)',
    rfStride: 'Receptive field / stride',
    misaligned: ' (paths misaligned)',
    rows: 'Layers (rows)',
    imageSide: 'image side {size}',
    afterLayers: '{title}: {rf} px after {depth} weight layers',
    xAxis: 'depth (weight layers on the longest path)',
    yAxis: 'receptive field (px)',
    chartCaption: ' — receptive field of the largest-field unit at each depth (px), against the image side.',
    /** Chinese pages: the core's layer descriptions and kinds, as [pattern, replacement] pairs (JSON). */
    phrases: '',
  };
}

/**
 * English labels on the server only: the browser renders with the labels the server wrote into
 * data-labels, so no script bundle carries them (built in a function, so the bundler drops them whole).
 */
export const explorerLabels = import.meta.env.SSR ? englishLabels() : ({} as ReturnType<typeof englishLabels>);
/** The fixed labels plus one per option field and choice (from the options table). */
export type ExplorerLabels = ReturnType<typeof englishLabels> & Readonly<Record<string, string>>;


/**
 * Labels for model B's option choices (`vsAux.on`), which read as model A's (`aux.on`): the cell
 * names a choice `<field>.<value>`. Made from the page's labels, so a translation's words are used.
 */
export function vsChoiceLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    optionNames.flatMap((o) => {
      const { field, choices } = NETWORK_OPTIONS[o];
      return choices.map((c) => [`${vsField(o)}.${c.value}`, labels[`${field}.${c.value}`] ?? c.label]);
    }),
  );
}
