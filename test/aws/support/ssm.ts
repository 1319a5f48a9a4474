import { DeleteParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { ParameterType } from '@aws-sdk/client-ssm';
import { awsClientConfig } from '../../../lib/aws/index.js';
import type { Tunables } from '../../../lib/config/index.js';

/** Writes and deletes parameters under the test's own prefix, as an operator would. */
export function parameters(t: Tunables) {
  const client = new SSMClient(awsClientConfig(t));
  return {
    client,
    put: (name: string, value: string, Type: ParameterType = 'String') =>
      client.send(new PutParameterCommand({ Name: `${t.ssmPrefix}${name}`, Value: value, Type, Overwrite: true })),
    delete: (name: string) => client.send(new DeleteParameterCommand({ Name: `${t.ssmPrefix}${name}` })),
  };
}
