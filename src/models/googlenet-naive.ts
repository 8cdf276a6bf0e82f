/**
 * GoogLeNet's naive Inception module (Szegedy et al. 2015, Figure 2a), which the network never
 * uses: kept apart from googlenet.ts so pages that load the network do not carry it.
 */
import type { LayerSpec } from '../calc/types';
import { basicConv2d, convRelu, lastName } from './blocks';
import { bigKernel, branchPool, type GoogLeNetBuild, type InceptionWidths } from './googlenet';

/**
 * The paper's naive module (Figure 2a), a lone module on "input": 1×1, 3×3 and "5×5" straight on the
 * input, and the pooled input itself (branch4), concatenated. Reductions are what GoogLeNet adds.
 */
export function naiveInceptionModule(w: Pick<InceptionWidths, 'ch1x1' | 'ch3x3' | 'ch5x5'>, build: GoogLeNetBuild): LayerSpec[] {
  const cv = build === 'torchvision' ? basicConv2d : convRelu;
  const k5 = bigKernel(build);
  const b1 = cv('branch1', w.ch1x1, 1, { from: 'input' });
  const b2 = cv('branch2', w.ch3x3, 3, { padding: 1, from: 'input' });
  const b3 = cv('branch3', w.ch5x5, k5, { padding: (k5 - 1) / 2, from: 'input' });
  return [...b1, ...b2, ...b3, branchPool('branch4', 'input'), { name: 'concat', kind: 'concat', from: [lastName(b1), lastName(b2), lastName(b3), 'branch4'] }];
}
