import { readFolder } from '../src/lib/ingest/read-folder.ts';
const { dataset } = await readFolder(process.argv[2]!, { pipeline: process.argv[3] });
const d: any = dataset;
console.log(Object.keys(d));
const deals = d.deals;
console.log(Array.isArray(deals) ? deals.slice(0,3) : deals);
