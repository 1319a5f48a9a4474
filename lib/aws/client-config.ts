import type { Tunables } from '../config/tunables.js';

/** The options every AWS SDK v3 client here is built with (a subset all clients share). */
export interface AwsClientConfig {
  region: string;
  endpoint?: string;
  maxAttempts: number;
  /** NodeHttpHandler options: the SDK builds its handler from them, so no @smithy import is needed. */
  requestHandler: { connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: true };
}

type AwsTunables = Pick<Tunables, 'awsRegion' | 'awsEndpoint' | 'awsTimeoutMs' | 'awsMaxAttempts'>;

/**
 * Client options from the tunables. An explicit `region` would silence the SDK's own AWS_REGION lookup,
 * so AWS_REGION (set by Lambda itself) is honoured here; an empty endpoint leaves the SDK's resolution,
 * including AWS_ENDPOINT_URL, untouched.
 */
export function awsClientConfig(t: AwsTunables, env: Readonly<Record<string, string | undefined>> = process.env): AwsClientConfig {
  const config: AwsClientConfig = {
    region: env.AWS_REGION || t.awsRegion,
    maxAttempts: t.awsMaxAttempts,
    // Without throwOnRequestTimeout the handler only logs a breached requestTimeout and keeps waiting.
    requestHandler: { connectionTimeout: t.awsTimeoutMs, requestTimeout: t.awsTimeoutMs, throwOnRequestTimeout: true },
  };
  if (t.awsEndpoint !== '') config.endpoint = t.awsEndpoint;
  return config;
}
