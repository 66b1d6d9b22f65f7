"""The estimator as a LangChain tool, for chat models that call tools."""

from __future__ import annotations

from typing import Any

from langchain_core.tools import StructuredTool, ToolException

from bot.cost.estimate import estimate
from bot.cost.model import CostRequest, CostValidationError, issues_from, validate_request
from bot.cost.render import render_issues


def estimate_cost_tool() -> StructuredTool:
    """Return the `estimate_cost` LangChain tool; it calls estimate() with the same schema."""

    def run(**kwargs: Any) -> dict[str, Any]:
        try:
            request = validate_request({k: v for k, v in kwargs.items() if v is not None})
            return estimate(request).to_json_dict()
        except CostValidationError as err:
            raise ToolException(render_issues(err.issues, "en")) from err

    return StructuredTool.from_function(
        func=run,
        name="estimate_cost",
        description=(
            "Estimate the monthly cost (USD) of outsourced customer support: staffing (Erlang C "
            "or agent seats), cost lines, totals, and savings against an in-house cost. "
            "Give either agents or contacts_per_month; leave out what the user did not say."
        ),
        args_schema=CostRequest,
        handle_tool_error=True,
        handle_validation_error=lambda exc: render_issues(issues_from(exc).issues, "en"),
    )
