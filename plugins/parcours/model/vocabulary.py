"""The domain's values, each defined once: qualifications, initiators,
measures, phases, statuses, and the rest.

Everything else derives from these lists: the fields' `Literal` types (so
validation and the JSON Schemas), the reference page, the templates (icons
and CSS class names), the charts (a status's colour, the personas' palette),
the analyses (which qualifications are pain points, which measures are
shares). The translation tables give each value its words under the
vocabulary's label group (`labels.qualification.irritant`); a test holds
the tables to these lists. Adding a value is one line here, one label per
language, and, when it has a colour, one rule in the stylesheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Generic, Iterator, Literal, TypeVar

from .fields import SchemaMark


@dataclass(frozen=True)
class Value:
    """One value of a vocabulary: what sources write, and the icon shown beside its word."""

    id: str
    icon: str | None = None


V = TypeVar("V", bound=Value)


class Vocabulary(Generic[V]):
    """An ordered list of values, named in the tables under `labels.<group>`."""

    def __init__(self, group: str, *values: V) -> None:
        self.group = group
        self.values = values
        self._by_id = {value.id: value for value in values}
        self._ids = tuple(value.id for value in values)

    @property
    def ids(self) -> tuple[str, ...]:
        return self._ids

    @property
    def literal(self) -> Any:
        """The type a field of this vocabulary is validated with: one of its values.

        Its JSON Schema names the vocabulary (`x-parcours-values`), so that the
        schemas and the reference page give each value its words.
        """
        return Annotated[Literal[self.ids], SchemaMark(self.group, key="x-parcours-values")]  # type: ignore[valid-type]

    def __iter__(self) -> Iterator[V]:
        return iter(self.values)

    def __contains__(self, value_id: object) -> bool:
        return value_id in self._by_id

    def __getitem__(self, value_id: str) -> V:
        return self._by_id[value_id]


# --- touchpoints ---------------------------------------------------------------

QUALIFICATIONS: Vocabulary[Value] = Vocabulary(
    "qualification",
    Value("enchantment", "material/star-shooting-outline"),
    Value("irritant", "material/emoticon-sad-outline"),
    Value("rupture", "material/link-variant-off"),
    Value("missing", "material/help-circle-outline"),
    Value("redundant", "material/content-duplicate"),
)
Qualification = QUALIFICATIONS.literal
#: What the diagnosis asks solutions for: the qualifications that hurt the customer.
PAIN_POINTS = frozenset({"irritant", "rupture"})
#: What delights the customer, and what dissatisfies them.
ENCHANTMENT = "enchantment"
IRRITANT = "irritant"
#: A touchpoint where the customer cannot pass from one channel to the next.
RUPTURE = "rupture"
#: What the overview counts on each stage, in this order: what hurts, what breaks, what delights.
COUNTED = (IRRITANT, RUPTURE, ENCHANTMENT)
#: A touchpoint the customer needs and does not find, and one that repeats another.
MISSING = "missing"
REDUNDANT = "redundant"
#: What coverage asks a solution for: pain points, and touchpoints missing or redundant.
GAPS = PAIN_POINTS | {MISSING, REDUNDANT}

INITIATORS: Vocabulary[Value] = Vocabulary(
    "initiator",
    Value("customer", "material/account-arrow-right-outline"),
    Value("company", "material/domain"),
    # A third party acts on the customer's behalf or ours: a subcontractor, the
    # network's owner, an intermediary, a mediator.
    Value("partner", "material/handshake-outline"),
)
Initiator = INITIATORS.literal


@dataclass(frozen=True)
class Period(Value):
    """A period volumes are counted per, and how many of it make a month."""

    per_month: float = 1.0


PERIODS: Vocabulary[Period] = Vocabulary(
    "period",
    Period("day", per_month=30.4),
    Period("week", per_month=4.35),
    Period("month", per_month=1.0),
    Period("quarter", per_month=1 / 3),
    Period("year", per_month=1 / 12),
)
PeriodName = PERIODS.literal


# --- stages --------------------------------------------------------------------


@dataclass(frozen=True)
class JourneyKind(Value):
    """A kind of journey, and the phases its stages are grouped in, in order.

    `prospect_phases`: the phases lived by people who are not yet customers,
    left out of the journey's satisfaction when no indicator gives it (the
    eligibility checks of thousands of prospects are not the customers'
    experience). A buyer journey is all prospects: none is left out.
    """

    phases: tuple[str, ...] = ()
    prospect_phases: tuple[str, ...] = ()


JOURNEY_KINDS: Vocabulary[JourneyKind] = Vocabulary(
    "journey_kind",
    JourneyKind("customer", phases=("before", "purchase", "after"), prospect_phases=("before",)),
    JourneyKind("buyer", phases=("awareness", "consideration", "decision")),
)
JourneyKindName = JOURNEY_KINDS.literal
PHASES: Vocabulary[Value] = Vocabulary("phase", *(Value(phase) for kind in JOURNEY_KINDS for phase in kind.phases))
Phase = PHASES.literal

#: Where a stage sits in the journey's flow: on its main line, or on a path
#: some customers take (an exception, an incident), never counted as where
#: customers stop.
PATHS: Vocabulary[Value] = Vocabulary(
    "path",
    Value("main"),
    Value("exception", "material/call-split"),
    Value("incident", "material/alert-outline"),
)
PathName = PATHS.literal
MAIN_PATH = "main"
#: The icons of a transition: on to a later stage, back to an earlier one (a retry).
FORWARD_ICON = "material/arrow-right"
BACK_ICON = "material/keyboard-return"

#: How a figure is known: measured, estimated, or an assumption. A figure from a
#: reporting export is measured unless its file says otherwise.
EVIDENCE: Vocabulary[Value] = Vocabulary(
    "evidence",
    Value("measured", "material/check-decagram-outline"),
    Value("estimated", "material/approximately-equal"),
    Value("assumption", "material/help-rhombus-outline"),
)
EvidenceStatus = EVIDENCE.literal
MEASURED = "measured"

#: The icon of a moment of truth, wherever one is flagged.
MOMENT_OF_TRUTH_ICON = "material/flag-variant"
#: The icon of who acts at a stage or touchpoint when it is a third party.
ACTOR_ICON = "material/account-hard-hat-outline"
PRIORITIES: Vocabulary[Value] = Vocabulary("priority", Value("high"), Value("medium"), Value("low"))
Priority = PRIORITIES.literal

#: Key under which an emotion score given as one number (for every persona) is kept.
ALL_PERSONAS = "*"


# --- measures and indicators -----------------------------------------------------


@dataclass(frozen=True)
class Measure(Value):
    """What a figure measures: a KPI's type, a column of a reporting export.

    `share`: a part of customers, from 0 to 100. `low`/`high`: the range of
    any other value. `on_touchpoint`: an export may give it per touchpoint.
    `stage_field`: the stage's field an export's latest value replaces (a
    KPI of this type otherwise). `kpi`: a KPI may be of this type.
    """

    share: bool = False
    low: float | None = None
    high: float | None = None
    on_touchpoint: bool = False
    stage_field: bool = False
    kpi: bool = True


MEASURES: Vocabulary[Measure] = Vocabulary(
    "measure",
    Measure("csat", share=True),
    Measure("nps", low=-100, high=100),
    Measure("ces"),
    Measure("delay", low=0),
    Measure("conversion", share=True, stage_field=True),
    Measure("complaints", low=0),
    Measure("commitment", share=True),
    Measure("volume", low=0, on_touchpoint=True, stage_field=True),
    Measure("satisfaction", share=True, on_touchpoint=True, stage_field=True, kpi=False),
)
#: A measure that feeds a stage's promise: its commitment's rate met.
COMMITMENT = "commitment"
#: The measure that counts customers (bars on a trend chart, not a line).
VOLUME = "volume"
#: A journey-level KPI of this type gives the journey's satisfaction.
SATISFACTION_KPI = "csat"
NPS_KPI = "nps"
KPI_TYPES: Vocabulary[Value] = Vocabulary("kpi_type", *(Value(m.id) for m in MEASURES if m.kpi), Value("other"))
KpiType = KPI_TYPES.literal


# --- voices, personas, solutions ---------------------------------------------------

VERBATIM_SOURCES: Vocabulary[Value] = Vocabulary(
    "verbatim_source",
    *(Value(source) for source in ("interview", "survey", "review", "call", "chat", "email", "social", "workshop", "other")),
)
VerbatimSource = VERBATIM_SOURCES.literal

MATURITIES: Vocabulary[Value] = Vocabulary("maturity", Value("low"), Value("medium"), Value("high"))
DigitalMaturity = MATURITIES.literal


@dataclass(frozen=True)
class Status(Value):
    """A solution's status, drawn on the road map in its colour and its hatching
    (so that colour is never the only difference)."""

    colour: str = "#9E9E9E"
    pattern: str = ""


#: Colours that read at 3:1 or more (WCAG's non-text contrast) on the light page
#: (white) and on Material's dark one (slate, #1e2129), as the palette's below,
#: and under black text at 4.5:1 or more (a bar's status is written on it):
#: Okabe–Ito's grey (#9E9E9E, 2.7:1 on white) and sky blue (#56B4E9, 2.3:1)
#: give way to a middle grey (4.0:1 on white, 4.1:1 on slate) and the
#: palette's violet (4.0:1, 4.1:1); blue is the palette's (#0072B2 left black
#: text at 4.0:1); green and vermillion keep Okabe–Ito's.
STATUSES: Vocabulary[Status] = Vocabulary(
    "status",
    Status("idea", colour="#808080", pattern="."),
    Status("planned", colour="#916ECB", pattern="/"),
    Status("in_progress", colour="#0081CA", pattern=""),
    Status("done", colour="#009E73", pattern="x"),
    Status("dropped", colour="#D55E00", pattern="-"),
)
StatusName = STATUSES.literal
#: The status of a solution delivered to customers.
DONE = "done"


# --- listening and steering ------------------------------------------------------

#: How customers are listened to at a stage: the way of asking changes with the stage.
LISTENING_METHODS: Vocabulary[Value] = Vocabulary(
    "listening_method",
    Value("hot_survey", "material/message-star"), Value("survey", "material/clipboard-text-outline"),
    Value("call", "material/phone-check"), Value("interview", "material/account-voice"),
    Value("review_monitoring", "material/star-half-full"), Value("mystery_shopping", "material/incognito"),
    Value("complaint_analysis", "material/alert-box-outline"), Value("usage_analytics", "material/chart-line"),
    Value("other", "material/ear-hearing"),
)
ListeningMethod = LISTENING_METHODS.literal
#: The icon of listening, wherever it is named (the map's lane, a stage nobody listens to).
LISTENING_ICON = "material/ear-hearing"
NOT_LISTENED_ICON = "material/ear-hearing-off"
STALE_ICON = "material/clock-alert-outline"


@dataclass(frozen=True)
class Frequency(Value):
    """How often a listening device gives a result, or a committee meets.

    `days`: a last result older than this is late (None: a one-off study, never late).
    """

    days: int | None = None


FREQUENCIES: Vocabulary[Frequency] = Vocabulary(
    "frequency",
    Frequency("continuous", days=31), Frequency("weekly", days=7), Frequency("monthly", days=31), Frequency("quarterly", days=92),
    Frequency("half_yearly", days=183), Frequency("yearly", days=366), Frequency("once"),
)
FrequencyName = FREQUENCIES.literal

#: Who is asked, in business-to-business journeys: the person changes with the moment.
BUYER_ROLES: Vocabulary[Value] = Vocabulary(
    "buyer_role", Value("requester"), Value("buyer"), Value("user"), Value("decision_maker"),
)
BuyerRole = BUYER_ROLES.literal


@dataclass(frozen=True)
class Impact(Value):
    """How strongly a touchpoint drives conversion or loyalty, and the score it gives
    the solutions that address it (`analyses.prioritisation`), on 0–5."""

    score: int = 0


IMPACTS: Vocabulary[Impact] = Vocabulary("impact", Impact("high", score=5), Impact("medium", score=3), Impact("low", score=1))
ImpactLevel = IMPACTS.literal
#: When a touchpoint's effect is felt.
HORIZONS: Vocabulary[Value] = Vocabulary("horizon", Value("short"), Value("medium"), Value("long"))
Horizon = HORIZONS.literal
#: A prioritisation criterion whose score is computed from the value of the touchpoints a solution addresses.
TOUCHPOINT_VALUE = "touchpoint_value"


#: Every vocabulary, for the tables' test and the reference page.
VOCABULARIES: tuple[Vocabulary[Any], ...] = (
    QUALIFICATIONS, INITIATORS, PERIODS, JOURNEY_KINDS, PHASES, PATHS, EVIDENCE, PRIORITIES, KPI_TYPES,
    VERBATIM_SOURCES, MATURITIES, STATUSES, LISTENING_METHODS, FREQUENCIES, BUYER_ROLES, IMPACTS, HORIZONS,
)
