/** The benches' machine line (scripts/lib/machine.ts): a processor's name and generation read from /proc/cpuinfo. */
import { describe, expect, it } from 'vitest';
import { machineLine, processorOf } from '../../../scripts/lib/machine.ts';

const EPYC = `processor\t: 0
vendor_id\t: AuthenticAMD
cpu family\t: 25
model\t\t: 17
model name\t: AMD EPYC
stepping\t: 1

processor\t: 1
vendor_id\t: AuthenticAMD
cpu family\t: 26
model\t\t: 2
model name\t: Another  One
stepping\t: 0
`;

describe('processorOf', () => {
  it("reads the first processor's model name and generation", () => {
    expect(processorOf(EPYC)).toEqual({ model: 'AMD EPYC', generation: 'family 25 model 17 stepping 1' });
  });

  it('gives the name alone where the generation is not said, and null without a name', () => {
    expect(processorOf('processor : 0\nmodel name : ARMv8 Processor   rev 1\n')).toEqual({ model: 'ARMv8 Processor rev 1', generation: '' });
    expect(processorOf('processor : 0\nBogoMIPS : 50.00\n')).toBeNull();
    expect(processorOf('')).toBeNull();
  });
});

describe('machineLine', () => {
  it("names the processor, then cores, memory and Node's version", () => {
    const line = machineLine(() => EPYC);
    expect(line).toMatch(/^machine: AMD EPYC \(family 25 model 17 stepping 1\), \d+ cores, \d+ GB, Node v\d+\.\d+\.\d+$/);
  });

  it("falls back to Node's name for the processor when /proc/cpuinfo cannot be read", () => {
    const line = machineLine(() => {
      throw new Error('ENOENT');
    });
    expect(line).toMatch(/^machine: .+, \d+ cores, \d+ GB, Node v/);
    expect(line).not.toContain('undefined');
  });
});
