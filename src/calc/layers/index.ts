/** Dispatch a node to its layer kind. */
import { CalcError } from '../errors';
import type { LayerSpec } from '../types';
import { adaptivePool } from './adaptive-pool';
import { conv } from './conv';
import { activation, dropout } from './elementwise';
import { flatten } from './flatten';
import { linear } from './linear';
import { add, concat } from './merge';
import { batchNorm, lrn } from './norm';
import { pool } from './pool';
import { separable } from './separable';
import { oneInput, passThrough, type LayerResult, type Tensor } from './tensor';

export function applyLayer(spec: LayerSpec, inputs: readonly Tensor[]): LayerResult {
  switch (spec.kind) {
    case 'conv':
      return conv(spec, inputs);
    case 'separable':
      return separable(spec, inputs);
    case 'maxpool':
    case 'avgpool':
      return pool(spec, inputs);
    case 'adaptiveavgpool':
    case 'adaptivemaxpool':
      return adaptivePool(spec, inputs);
    case 'linear':
      return linear(spec, inputs);
    case 'bn':
      return batchNorm(spec, inputs);
    case 'lrn':
      return lrn(spec, inputs);
    case 'act':
      return activation(spec, inputs);
    case 'dropout':
      return dropout(spec, inputs);
    case 'flatten':
      return flatten(spec, inputs);
    case 'concat':
      return concat(spec, inputs);
    case 'add':
      return add(spec, inputs);
    case 'block':
      // Params and MACs are summed over `${name}.…` by analyse(); here it only reports its input.
      return passThrough(oneInput(spec.name, spec.kind, inputs), 'block');
    default: {
      const kind: unknown = (spec as { readonly kind: unknown }).kind;
      throw new CalcError('unknown-kind', (spec as { readonly name?: string }).name ?? '?', `unknown layer kind ${JSON.stringify(kind)}`);
    }
  }
}

export type { LayerResult, Tensor };
