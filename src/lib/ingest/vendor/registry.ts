/** Every vendor adapter, in the order detection tries them. */
import type { Adapter } from './types.ts';

export const ADAPTERS: readonly Adapter[] = [];

export const FORMATS = ['canonical', ...ADAPTERS.map((a) => a.format)] as const;
