/**
 * Why the evaluator refused a program on an input. Thrown as shared instances rather than Errors:
 * a rejected candidate is routine during generation and must not pay for a stack trace.
 */
export class Rejected {
  constructor(readonly reason: string) {}
}

export const REJECT = {
  steps: new Rejected('step budget exceeded'),
  intRange: new Rejected('integer outside the exact range'),
  size: new Rejected('string or list too large'),
  zeroDivision: new Rejected('division or modulo by zero'),
  index: new Rejected('index out of range'),
  key: new Rejected('missing dict key'),
  unbound: new Rejected('variable read before assignment'),
  type: new Rejected('value of an unsupported type for this operation'),
  value: new Rejected('argument Python would refuse or that leaves the literal subset'),
} as const;
