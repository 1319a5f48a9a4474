"""The seed's dummy planner, the bench's peer row: whatever the state, the same patch at priority 5.

It reads the JSON body (as the seed did, with no validation) so the request costs what a real handler's
parsing costs, and answers on uvicorn like the seed's container. `npm run bench -- throughput` serves it.
"""

from typing import Any

from fastapi import Body, FastAPI

FIXED_PLAN: dict[str, Any] = {
    "action": "run",
    "priority": 5,
    "patch": {
        "task_distribution": {"deduction": 0.34, "abduction": 0.33, "induction": 0.33},
        "difficulty": 0.5,
        "alpha_tasks": 4,
        "beta_tasks": 4,
    },
}

app = FastAPI(title="AZR dummy planner")


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@app.post("/plan")
async def plan(state: dict[str, Any] = Body(...)) -> dict[str, Any]:
    return FIXED_PLAN
