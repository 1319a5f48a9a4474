/**
 * CloudFormation intrinsics as readable strings (`${AWS::Region}`, `${Fn.Arn}`), so tests can state the
 * exact ARN a permission names instead of matching nested Fn::Join arrays.
 */
export function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('Ref' in v) return `\${${String(v.Ref)}}`;
    if ('Fn::GetAtt' in v) return `\${${(v['Fn::GetAtt'] as string[]).join('.')}}`;
    if ('Fn::Join' in v) {
      const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
      return parts.map(render).join(sep);
    }
  }
  throw new Error(`cannot render ${JSON.stringify(value)}`);
}

export interface Statement {
  actions: string[];
  resources: string[];
  condition?: unknown;
}

/** A policy statement with its action and resource lists sorted and its intrinsics rendered. */
export function normaliseStatement(raw: Record<string, unknown>): Statement {
  const list = (x: unknown) => (Array.isArray(x) ? x : [x]);
  return {
    actions: list(raw.Action).map(String).sort(),
    resources: list(raw.Resource).map(render).sort(),
    ...(raw.Condition === undefined ? {} : { condition: raw.Condition }),
  };
}
