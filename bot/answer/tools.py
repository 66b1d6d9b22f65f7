"""The estimator as a LangChain tool, for chat models that call tools."""

from __future__ import annotations

from typing import Any

from langchain_core.tools import StructuredTool, ToolException

from bot.cost.request import CostRequest, CostValidationError, issues_from
from bot.cost.service import CostService


def estimate_cost_tool(cost: CostService) -> StructuredTool:
    """Return the `estimate_cost` LangChain tool over this estimator, with its request schema."""

    def run(**kwargs: Any) -> dict[str, Any]:
        try:
            return cost.estimate({k: v for k, v in kwargs.items() if v is not None}).to_json_dict()
        except CostValidationError as err:
            raise ToolException(cost.issue_lines(err, "en")) from err

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
        handle_validation_error=lambda exc: cost.issue_lines(issues_from(exc), "en"),
    )
