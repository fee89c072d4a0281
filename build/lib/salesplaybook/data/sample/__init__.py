"""A synthetic sales organisation, as the canonical raw tables, the same for the same seed.

The book, the notebooks and the benchmarks need data that behaves like a real sales organisation
without belonging to one. Random numbers alone would not do: every indicator of the KPI framework
has to be computable from the tables, land near its bar (some teams above it, some below), and
tell a story a supervisor recognises. So the generator builds the organisation the way one grows,
and every table follows from the ones before it:

- **People first** (:mod:`.people`). Regions differ in market potential (east richest, west
  poorest) and targets follow it, as the source document asks. Teams of about ten have a team
  lead who also sells; each region has a supervisor, whose ``team_id`` is the region because a
  supervisor sits above teams. Reps are hired during the span and confirmed after the playbook's
  probation (the ``probation_passed`` criterion of the career tracks) or not, and then they
  leave; people leave, core members less often; reps are promoted to industry consultant and
  solution expert, and when a team lead leaves the best rep of the team takes over, so
  ``role_changes`` holds both career tracks.
- **Customers before deals** (:mod:`.customers`). A customer's life decides when it buys:
  strategic and key customers renew annual contracts (a few do not, and churn), potential
  customers are incubated for a few months before their first paid contract (a few drop out),
  existing customers buy more now and then. Each purchase is one won deal and one contract, so
  ``first_contract_on``, ``renewal_of`` and the deals agree by construction. What a strategic or
  key customer adds runs alongside its main contract and is renewed with it; otherwise every
  add-on would look like a lost renewal.
- **Deal sizes follow the targets** (:mod:`.rosters`, :mod:`.deals`). Targets are set by role,
  stage, region and season, plus the renewals a person has due (the customer lifecycle the seed
  asks targets to follow). Renewals keep their size; new business is scaled, person by person and
  quarter by quarter, so that attainment is the person's skill times the team's and the market's
  conditions, with noise: about 0.8-1.2 per rep, and around 1.0-1.1 for the organisation.
  Without this a few large deals would decide every rep's quarter, and the charts would show
  luck rather than people. Deals are handed out in turn within a team, so nobody with a target
  has an empty quarter by accident.
- **Lost deals follow the win rates.** For every team, product line and month, lost deals are
  added so that lead conversion (won / created) is the line's usual rate with a little jitter.
  Keeping it that steady is what makes the one planted anomaly stand out: in one month, one team's
  conversion on a core product line falls by more than 20%, and ``alerts`` records it.
- **One declining quarter** (:mod:`.market`). The market turns down in exactly one quarter
  (never the first, so the drop shows): fewer deals, attainment just above the context rule's
  floor (0.8), more late payments, slightly worse surveys; ``market`` says ``declining`` and puts
  the competitors a little below the organisation, so the seed's context rule has a case to judge.
- **The rest of the framework** (:mod:`.contracts`, :mod:`.activity`) gets its own tables at
  realistic rates: invoices (a few paid late, some overdue at the end), quarterly surveys (mostly
  4-5), complaints with root causes (a few caused by process each quarter, fewer as the process
  improves), training plans made of the playbook's own module ids, cross-department projects,
  alerts with their response times, script A/B tests, toolkits and their use. The deal cycle
  shortens a little over the span and by a quarter in the one quarter when the approval path is
  simplified, so the process dimension has an improvement to measure.

Everything is drawn from one ``numpy.random.default_rng(seed)`` in a fixed order
(:mod:`.organisation` runs the steps), and the calendar (:mod:`.calendar`) is anchored on
``end``, never on today, so the same arguments give the same tables on every machine. Rows are
made with whole-array operations (no Python loop over people or deals), which is what lets
10,000 reps over 12 quarters run in seconds.
"""

from __future__ import annotations

from salesplaybook.data.sample.constants import (
    ALERT_METRICS,
    ANOMALY_LINE,
    CORE_PRODUCT_LINES,
    DEPARTMENTS,
    LEAD_SOURCES,
    PRODUCT_LINES,
    REGIONS,
)
from salesplaybook.data.sample.organisation import generate
from salesplaybook.data.sample.state import TrackModules
from salesplaybook.data.sample.writer import write_tables

__all__ = [
    "ALERT_METRICS",
    "ANOMALY_LINE",
    "CORE_PRODUCT_LINES",
    "DEPARTMENTS",
    "LEAD_SOURCES",
    "PRODUCT_LINES",
    "REGIONS",
    "TrackModules",
    "generate",
    "write_tables",
]
