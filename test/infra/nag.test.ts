import type { App, PolicyViolation } from 'aws-cdk-lib';
import { Validations } from 'aws-cdk-lib';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerApp } from '../../infra/planner-app.js';
import { TEST_CONTEXT, removeTempOutdirs, tempOutdir } from './support/synth.js';

const build = () => createPlannerApp({ outdir: tempOutdir(), context: TEST_CONTEXT });

interface Acknowledgement {
  path: string;
  id: string;
  reason: unknown;
}

function acknowledgements(app: App): Acknowledgement[] {
  return app.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, unknown>).map(([id, reason]) => ({
          path: c.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

/** Findings as if nothing were acknowledged: isAcknowledged is the pack's one suppression hook. */
function unsuppressedFindings(app: App): PolicyViolation[] {
  const checks = new AwsSolutionsChecks();
  Object.defineProperty(checks, 'isAcknowledged', { value: () => false });
  return checks.validateScope(app).violations;
}

describe('cdk-nag AwsSolutions', () => {
  let app: App;

  beforeAll(() => {
    app = build().app;
    // Synthesis runs the registered pack and throws "Validation failed" on any unacknowledged finding.
    app.synth();
  });

  afterAll(removeTempOutdirs);

  it('finds nothing unacknowledged in either stage, errors or warnings', () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join()}`)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('every acknowledgement carries a reason', () => {
    const acks = acknowledgements(app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(typeof ack.reason, `${ack.path} ${ack.id}`).toBe('string');
      expect((ack.reason as string).length, `${ack.path} ${ack.id}`).toBeGreaterThan(30);
    }
  });

  it('every acknowledgement answers a finding that really occurs at or below it (none is stale)', () => {
    const findings = unsuppressedFindings(app).flatMap((v) =>
      v.violatingResources.map((r) => ({ id: v.ruleName, path: r.constructPath ?? '' })),
    );
    for (const ack of acknowledgements(app)) {
      const answered = findings.some((f) => f.id === ack.id && (f.path === ack.path || f.path.startsWith(`${ack.path}/`)));
      expect(answered, `${ack.path} ${ack.id}`).toBe(true);
    }
  });

  it('is registered on the app: an unexplained wildcard fails synthesis', () => {
    const { app: fresh, stacks } = build();
    const [stack] = stacks;
    const policy = new Policy(stack!, 'Sloppy', {
      statements: [new PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })],
    });
    policy.attachToRole(stack!.apiFunction.role);
    expect(() => fresh.synth()).toThrow(/AzrPlanner-dev\/Sloppy\/Resource[\s\S]*AwsSolutions-IAM5\[Resource::\*\]/);
  });
});
