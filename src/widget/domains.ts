/**
 * Field domains that several widgets share, so one quantity accepts the same range (and shows
 * the same hint beside its field) in every cell.
 */
import type { IntegerField } from './fields.ts';

/** A channel count (C_in, C_out, a branch width, groups): 1 to 4096, twice the widest backbone layer here (2048). */
export const CHANNELS: IntegerField = { kind: 'int', min: 1, max: 4096 };
