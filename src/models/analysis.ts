/** Memoised analyses of registry models: a page quoting vgg16 ten times analyses it once. */
import { analyse, type Analysis, type Shape } from '../calc/index';
import { getNetwork, type NetworkOptions } from './registry';

const cache = new Map<string, Analysis>();

export function analysisOf(id: string, options: NetworkOptions = {}, input?: Shape): Analysis {
  const key = JSON.stringify([id, options, input]);
  let result = cache.get(key);
  if (!result) {
    result = analyse(getNetwork(id, options), input);
    cache.set(key, result);
  }
  return result;
}
