import { ParameterTier, StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import type { Tunables } from '../../lib/config/tunables.js';
import { tunableParameters } from '../config/deployed-tunables.js';

/** One SSM parameter per SSM tunable under the prefix; operators change these to retune without a deploy. */
export class TunableParameters extends Construct {
  constructor(scope: Construct, id: string, tunables: Tunables) {
    super(scope, id);
    for (const p of tunableParameters(tunables)) {
      new StringParameter(this, p.key, {
        parameterName: p.name,
        stringValue: p.value,
        description: p.description,
        tier: ParameterTier.STANDARD,
      });
    }
  }
}
