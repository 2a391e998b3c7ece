/** Every vendor adapter, in the order detection tries them. */
import { hubspot } from './hubspot.ts';
import { pipedrive } from './pipedrive.ts';
import { salesforceApi } from './salesforce-api.ts';
import { salesforceReport } from './salesforce-report.ts';
import type { Adapter } from './types.ts';

export const ADAPTERS: readonly Adapter[] = [hubspot, pipedrive, salesforceReport, salesforceApi];

export const FORMATS = ['canonical', ...ADAPTERS.map((a) => a.format)] as const;
