import type { TestProject } from 'vitest/node';
import { startMoto } from '../aws/support/moto-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Endpoint of the moto server shared by the AWS tests, e.g. http://127.0.0.1:41234. */
    motoEndpoint: string;
  }
}

/** One moto server for the whole run: tests isolate themselves by unique names, not by restarting it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const moto = await startMoto();
  project.provide('motoEndpoint', moto.endpoint);
  return moto.stop;
}
