/** An EventBridge Scheduler event as the schedule delivers it to the scheduled function. */
export const SCHEDULED_EVENT = {
  version: '0',
  id: 'c0ffee00-0000-4000-8000-000000000000',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: '2026-11-25T19:00:00Z',
  region: 'us-east-1',
  resources: ['arn:aws:events:us-east-1:123456789012:rule/azr-planner-schedule'],
  detail: {},
};
