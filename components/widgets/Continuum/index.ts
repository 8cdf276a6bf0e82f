/** What chapters may use of the grouped-convolution continuum widget: one point of it, analysed. */
export { continuumAt } from './continuum';
