/** Public API of the calc core: the IR, analyse(), per-layer formulas, receptive fields, formatting. */
export type * from './types';
export { CalcError, isCalcError, type CalcErrorCode } from './errors';
export { analyse, FP32_BYTES, INPUT_NAME, type StackInput } from './analyse';
export { convOutputSize, effectiveKernel, samePadding, type SidePadding } from './geometry';
export { convParams, convMacs, type ConvCountArgs } from './layers/conv';
export { separableParams, separableMacs, type SeparableCountArgs } from './layers/separable';
export { linearParams, linearMacs } from './layers/linear';
export { bnParams } from './layers/norm';
export {
  INPUT_FIELD,
  mergeReceptiveFields,
  receptiveFieldTable,
  rfBackwardStep,
  rfCentre,
  rfForwardStep,
  type AxisField,
  type RfBackwardRow,
  type RfForwardRow,
  type RfStackLayer,
  type RfTable,
} from './receptive-field';
export { formatBytes, formatCompact, formatCount, formatKernel, formatPair, formatRatio, formatShape } from './format';
export { truncateNetwork } from './graph';
export { activationValues, elements } from './activations';
export { unitsOf, type Unit } from './units';
export { dilatedFootprint, type DilatedLayer, type Footprint } from './footprint';
