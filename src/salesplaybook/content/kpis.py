"""The KPI framework: dimensions, their indicators and the bars each is judged by."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from salesplaybook.content.text import Id, Model, Text


class Dimension(Model):
    id: Id
    name: Text
    description: Text
    #: Share of the overall score; the weights of all dimensions add up to 1.
    weight: float = Field(gt=0, le=1)


class Threshold(Model):
    op: Literal[">=", ">", "<=", "<"]
    value: float = Field(ge=0)
    #: True when the source document states this bar; False for a playbook default.
    from_seed: bool = False
    note: Text | None = None


class ContextRule(Model):
    """The seed's rule that judges attainment against the market, not the plan alone."""

    market_trend: Literal["declining", "stable", "growing"]
    min_value: float = Field(ge=0)
    must_beat: Literal["competitor_attainment"]
    status: Literal["excellent", "meets"]
    from_seed: bool = False
    description: Text


Unit = Literal["ratio", "score", "count", "working_days"]


class AlertTrigger(Model):
    """The move of a dashboard number that raises an alert the indicator then times (the
    source's 数据波动超20%): stated once here, read by the dashboard, its views and notebooks."""

    #: A relative move, either way, from the period before (0.2 = 20%).
    move: float = Field(gt=0)
    from_seed: bool = False
    description: Text


class Indicator(Model):
    id: Id
    dimension: Id
    name: Text
    description: Text
    unit: Unit
    #: Period a count or rate is measured over, when the bar depends on it.
    period: Literal["quarter", "year"] | None = None
    #: For a count judged per N team members (leaders developed: 2 per 10 members).
    per_members: int | None = Field(default=None, gt=0)
    #: Upper end of a score's scale (5 for a satisfaction score out of 5).
    scale_max: float | None = Field(default=None, gt=0)
    #: True for a ratio that is a share of a whole and so cannot exceed 1.
    share_of_whole: bool = False
    better: Literal["higher", "lower"]
    meets: Threshold
    excellent: Threshold
    formula: Text
    data_source: Text
    context_rule: ContextRule | None = None
    alert_trigger: AlertTrigger | None = None

    @model_validator(mode="after")
    def _bars_are_ordered(self) -> Indicator:
        higher = self.better == "higher"
        for t in (self.meets, self.excellent):
            if higher != t.op.startswith(">"):
                raise ValueError(
                    f"better is {self.better!r} but a threshold uses {t.op!r}: "
                    "a higher-is-better bar needs >= or >, a lower-is-better one <= or <"
                )
        if higher and self.excellent.value < self.meets.value:
            raise ValueError("the excellent bar is below the meets bar")
        if not higher and self.excellent.value > self.meets.value:
            raise ValueError("the excellent bar is above the meets bar")
        if self.unit == "score" and self.scale_max is None:
            raise ValueError("a score needs scale_max")
        return self
