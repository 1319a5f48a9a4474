import { createApp } from '../../lib/http/index.js';
import { createLogger } from '../../lib/log/index.js';
import { createPlanService, type PlanServiceOptions } from '../../lib/service/index.js';
import { FIXED_NOW } from './states.js';

/** The real app over the real service, with a fixed clock and silent logs. */
export function testApp(opts: Partial<PlanServiceOptions> = {}, bodyLimitBytes = 65536) {
  const service = createPlanService({ env: {}, clock: () => FIXED_NOW, ...opts });
  return createApp({ service, logger: createLogger('SILENT'), bodyLimitBytes });
}

export const postJson = (body: string, contentType = 'application/json'): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': contentType },
  body,
});
