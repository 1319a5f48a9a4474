import { createPlannerApp } from './planner-app.js';

// Account and region come from the CLI's profile when there is one; without, the stacks stay
// environment-agnostic so `cdk synth` works offline.
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;
createPlannerApp(account && region ? { env: { account, region } } : {});
