/** What chapters may use of the Inception module widget: its computation and definition. */
export { computeInceptionModule, inceptionModule } from './inception-module';
export type { InceptionBuild } from './inception-compute';
