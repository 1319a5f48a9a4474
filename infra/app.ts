import { createPlannerApp } from './planner-app.js';

createPlannerApp();
