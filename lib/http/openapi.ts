import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import pkg from '../../package.json' with { type: 'json' };
import type { ServedRoute } from './documented.js';
import { RESPONSES } from './responses.js';

/** The document's parts that are not routes: servers, auth schemes, the router's shared error answers. */
function registerDocumentParts(registry: OpenAPIRegistry): void {
  registry.registerComponent('securitySchemes', 'sigv4', {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: 'AWS: API Gateway checks an AWS Signature Version 4 (IAM) on POST /plan; callers need execute-api:Invoke',
    'x-amazon-apigateway-authtype': 'awsSigv4',
  });
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Container server: the token in PLANNER_AUTH_TOKEN, when it is set',
  });
  // Plain OpenAPI here (the registry takes no zod schema for a shared response): the routes put Error in the components.
  const routerError = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  registry.registerComponent('responses', 'NotFound', routerError('No route for this path'));
  registry.registerComponent('responses', 'MethodNotAllowed', {
    ...routerError('The path exists, for other methods'),
    headers: { Allow: { description: 'the methods the path answers', schema: { type: 'string' } } },
  });
}

const DOCUMENT_HEADER: Parameters<OpenApiGeneratorV31['generateDocument']>[0] = {
  openapi: '3.1.0',
  info: {
    title: 'AZR planner',
    version: pkg.version,
    description: pkg.description,
    license: { name: pkg.license, url: 'https://www.apache.org/licenses/LICENSE-2.0' },
  },
  servers: [
    {
      url: 'http://{host}:{port}',
      description: 'the container server (npm start, or the Helm chart through a port-forward)',
      variables: { host: { default: 'localhost' }, port: { default: '8080', description: 'PORT' } },
    },
    {
      url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
      description: 'the API Gateway HTTP API of the CDK stack',
      variables: { apiId: { default: 'api-id', description: 'the stack output ApiUrl names it' }, region: { default: 'us-east-1' } },
    },
  ],
  tags: [
    { name: 'plan', description: 'Curriculum plans' },
    { name: 'probes', description: 'Liveness and readiness' },
    { name: 'documents', description: 'Descriptions of this service' },
  ],
};

/**
 * The OpenAPI 3.1 document of the routes an app serves, as JSON. Imported on the first GET /openapi.json only:
 * building the answers' schemas, converting them and loading the converter is start-up time a Lambda cold
 * start would pay.
 */
export function renderDocument(routes: readonly ServedRoute[]): string {
  const registry = new OpenAPIRegistry();
  registerDocumentParts(registry);
  for (const route of routes) registry.registerPath({ ...route, responses: RESPONSES[route.operationId] });
  return JSON.stringify(new OpenApiGeneratorV31(registry.definitions).generateDocument(DOCUMENT_HEADER));
}
