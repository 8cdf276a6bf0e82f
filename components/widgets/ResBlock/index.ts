/** What chapters may use of the residual block widget: its computation and definition. */
export { computeBlock, resBlock } from './res-block';
