"""The ground-truth sales organisation: people, customers, deals and targets as plain records.

Built from a seed with :mod:`random` only (never :mod:`salesplaybook.data.sample`), so the
figures of :mod:`tests.world.truth` are an independent reading of the same organisation that the
writers of :mod:`tests.world.exports` put into files the way real systems do.

The shape follows the trial of issue 13: 3 teams of 5 reps, a team lead each and a supervisor,
8 quarters (2025-Q1 .. 2026-Q4), about 600 deals in CNY, some in USD and EUR. Some core members
leave and new hires replace them (one leaves during probation, one is confirmed late). The
problems real files have are planted in known records (:class:`Planted`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

#: Team id -> (English name, Chinese name as the Chinese team's files write it).
TEAMS: Final = {
    "T01": ("East China Sales 1", "华东销售一组"),
    "T02": ("East China Sales 2", "华东销售二组"),
    "T03": ("South China Sales", "华南销售组"),
}
PRODUCT_LINES: Final = ("cloud_suite", "data_analytics", "consulting", "hardware", "training")
CORE_LINES: Final = ("cloud_suite", "data_analytics")
CURRENCY: Final = "CNY"
#: 1 unit of the currency = this many CNY.
RATES: Final = {"USD": 7.10, "EUR": 7.80}
FIRST_YEAR: Final = 2025
QUARTERS: Final = 8
#: The day the exports were taken: later close dates are expected ones (open deals).
AS_OF: Final = date(2026, 12, 31)
LEAD_SOURCES: Final = ("web", "referral", "event", "outbound", "partner")
#: Stages of open deals, in the pipeline's order.
OPEN_STAGES: Final = ("lead_acquisition", "needs_research", "proposal_quote", "contract_collection")

#: (English name, Chinese name) of the people, in the order they are given out.
NAMES: Final = (
    ("Zhang Wei", "张伟"),
    ("Wang Fang", "王芳"),
    ("Li Na", "李娜"),
    ("Liu Yang", "刘洋"),
    ("Chen Jing", "陈静"),
    ("Yang Min", "杨敏"),
    ("Zhao Lei", "赵磊"),
    ("Huang Jun", "黄军"),
    ("Zhou Tao", "周涛"),
    ("Wu Xiaoming", "吴晓明"),
    ("Xu Li", "徐丽"),
    ("Sun Qiang", "孙强"),
    ("Ma Chao", "马超"),
    ("Zhu Hong", "朱红"),
    ("Hu Bin", "胡斌"),
    ("Guo Hua", "郭华"),
    ("He Ping", "何平"),
    ("Lin Feng", "林峰"),
    ("Luo Gang", "罗刚"),
    ("Gao Yan", "高艳"),
    ("Emily Carter", "卡特"),
    ("Tang Kai", "唐凯"),
    ("Song Jie", "宋杰"),
    ("Han Xue", "韩雪"),
)
#: The person outside any team (a key-account manager reporting to nobody's team).
OUTSIDER_NAME: Final = ("Grace Holloway", "郝思嘉")
#: A person the CRM knows and HR does not (a departed contractor): close to no one's name.
STRANGER_NAME: Final = ("Bartholomew Quincey", "欧阳修远")


@dataclass(frozen=True)
class Person:
    #: The employee number: our ``person_id``.
    person_id: str
    #: The CRM's user id (Salesforce style, 18 characters).
    crm_user_id: str
    email: str
    name_en: str
    name_zh: str
    #: None: in no team (the supervisor, the key-account manager).
    team_id: str | None
    role: str
    hired_on: date
    confirmed_on: date | None
    left_on: date | None
    is_core: bool

    def active_on(self, day: date) -> bool:
        return self.hired_on <= day and (self.left_on is None or self.left_on > day)


@dataclass(frozen=True)
class Customer:
    customer_id: str
    crm_id: str
    name_en: str
    name_zh: str


@dataclass(frozen=True)
class Deal:
    deal_id: str
    crm_id: str
    owner: Person
    customer: Customer
    product_line: str
    #: The deal's own currency and its amount in it.
    currency: str
    amount_original: float
    #: In CNY (the converted amount).
    amount: float
    #: Our stage id.
    stage: str
    created_on: date
    #: When it was won or lost; None while open (and for the planted won deal without one).
    closed_on: date | None
    #: The close date a CRM shows: the actual one when closed, else the expected one.
    expected_close: date

    @property
    def is_core_product(self) -> bool:
        return self.product_line in CORE_LINES


@dataclass(frozen=True)
class Target:
    person: Person
    period: str
    #: In CNY.
    target: float


@dataclass
class Planted:
    """The problems real files have, in known records (indexes into :attr:`World.deals` and
    :attr:`World.targets`)."""

    #: Deals owned by someone not in the people table (left out: ``unknown_person``).
    unknown_owner_deals: list[int] = field(default_factory=list)
    #: Targets of someone not in the people table (left out: ``unknown_person``).
    unknown_owner_targets: list[int] = field(default_factory=list)
    #: The target whose owner the files write with a typo (refused with a did-you-mean).
    typo_target: int = -1
    #: Deals of the person in no team (counted for the organisation: ``outside_team``).
    outside_team_deals: list[int] = field(default_factory=list)
    #: The won deal without a close date (left out: ``no_close_date``).
    no_close_date_deals: list[int] = field(default_factory=list)


@dataclass
class World:
    seed: int
    #: HR's people table (everyone the organisation employs or employed).
    people: list[Person]
    #: Owners the CRM has and HR does not.
    strangers: list[Person]
    customers: list[Customer]
    deals: list[Deal]
    targets: list[Target]
    planted: Planted
    periods: list[str]

    def person(self, person_id: str) -> Person:
        return next(p for p in self.people if p.person_id == person_id)


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_span(period: str) -> tuple[date, date]:
    """First and last day of a quarter label like ``2026-Q1``."""
    year, q = int(period[:4]), int(period[-1])
    first = date(year, 3 * q - 2, 1)
    after = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
    return first, after - timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months (the world hires on days 1-28 only, so no clipping)."""
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, day.day)


def all_periods() -> list[str]:
    return [f"{FIRST_YEAR + i // 4}-Q{i % 4 + 1}" for i in range(QUARTERS)]


_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def salesforce_id(prefix: str, number: int) -> str:
    """An 18-character Salesforce record id: the object's key prefix, the pod, reserved zeros,
    a base-62 record number (users are created over years, so theirs differ in several places)
    and the case-safe suffix."""
    rng = random.Random(f"{prefix}-{number}")
    record = "".join(rng.choice(_BASE62) for _ in range(6))
    suffix = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(3))
    return f"{prefix}5g0000{record}{suffix}"


def _person(
    number: int,
    names: tuple[str, str],
    team: str | None,
    role: str,
    hired: date,
    *,
    confirmed: date | bool | None = True,
    left: date | None = None,
    core: bool = False,
) -> Person:
    """``confirmed=True``: confirmed on the day probation ends (3 months after the hire)."""
    en, zh = names
    given, family = en.split()[1:] or [en], en.split()[0]
    email = f"{'.'.join(given).lower()}.{family.lower()}@example-sales.cn"
    return Person(
        person_id=f"E{1000 + number}",
        crm_user_id=salesforce_id("005", number),
        email=email,
        name_en=en,
        name_zh=zh,
        team_id=team,
        role=role,
        hired_on=hired,
        confirmed_on=add_months(hired, 3) if confirmed is True else confirmed or None,
        left_on=left,
        is_core=core,
    )


def _staff(rng: random.Random) -> list[Person]:
    """15 reps in 3 teams (2 core each), 3 team leads, a supervisor, the outsider; 3 leavers and
    4 new hires, one leaving in probation and one confirmed after her probation's quarter."""
    people: list[Person] = []
    names = iter(NAMES)
    number = 1
    for team in TEAMS:
        for k in range(5):
            hired = date(2019 + (number % 5), 1 + (number * 5) % 12, 1 + (number * 7) % 28)
            people.append(_person(number, next(names), team, "sales_rep", hired, core=k < 2))
            number += 1
    for team in TEAMS:
        hired = date(2018, 1 + number % 12, 3)
        people.append(_person(number, next(names), team, "team_lead", hired, core=True))
        number += 1
    people.append(_person(number, next(names), None, "supervisor", date(2017, 3, 6), core=True))
    number += 1
    # Leavers: two core reps (T01, T03) and one other (T02), days chosen by the seed.
    leavers = {0: date(2025, 8, rng.randint(1, 28)), 10: date(2026, 2, rng.randint(1, 28))}
    leavers[7] = date(2026, 5, rng.randint(1, 28))
    for i, left in leavers.items():
        p = people[i]
        people[i] = Person(**{**p.__dict__, "left_on": left})
    # New hires (their probation is the playbook's: 3 months in the source document).
    h1 = date(2025, 9, 1)
    people.append(_person(number, next(names), "T01", "sales_rep", h1, confirmed=date(2025, 12, 3)))
    h2 = date(2026, 3, 2)
    people.append(
        _person(
            number + 1, next(names), "T02", "sales_rep", h2, confirmed=None, left=date(2026, 4, 20)
        )
    )
    h3 = date(2026, 5, 4)
    people.append(
        _person(number + 2, next(names), "T02", "sales_rep", h3, confirmed=date(2026, 8, 10))
    )
    h4 = date(2026, 6, 1)
    people.append(
        _person(number + 3, next(names), "T03", "sales_rep", h4, confirmed=date(2026, 10, 8))
    )
    people.append(
        _person(90, OUTSIDER_NAME, None, "industry_consultant", date(2020, 4, 13), confirmed=None)
    )
    return people


def _customers(rng: random.Random, count: int) -> list[Customer]:
    en_words = ("Harbor", "Summit", "Pioneer", "Lotus", "Crescent", "Evergreen", "Jade", "Orient")
    en_kinds = ("Logistics", "Retail", "Foods", "Motors", "Health", "Energy", "Textiles")
    zh_places = ("上海", "杭州", "苏州", "南京", "广州", "深圳", "宁波", "厦门")
    zh_kinds = ("物流", "零售", "食品", "汽车", "医疗", "能源", "纺织")
    out = []
    for i in range(count):
        a, b = rng.randrange(len(en_words)), rng.randrange(len(en_kinds))
        out.append(
            Customer(
                customer_id=f"C{i + 1:03d}",
                crm_id=f"0015g00000{i + 1:05d}AAA",
                name_en=f"{en_words[a]} {en_kinds[b]} Co. {i + 1}",
                name_zh=f"{zh_places[a]}{zh_kinds[b]}有限公司{i + 1}号",
            )
        )
    return out


def _amount(rng: random.Random) -> tuple[str, float, float]:
    """Currency, amount in it, amount in CNY (whole hundreds, so every unit writes exactly)."""
    draw = rng.random()
    if draw < 0.12:
        usd = rng.randint(30, 900) * 100
        return "USD", float(usd), round(usd * RATES["USD"], 2)
    if draw < 0.18:
        eur = rng.randint(30, 800) * 100
        return "EUR", float(eur), round(eur * RATES["EUR"], 2)
    cny = float(rng.randint(200, 6000) * 100)
    return "CNY", cny, cny


@dataclass
class _DealMaker:
    rng: random.Random
    customers: list[Customer]
    deals: list[Deal] = field(default_factory=list)

    def make(
        self,
        owner: Person,
        created: date,
        *,
        stage: str | None = None,
        close: date | None = None,
    ) -> int:
        """A deal of ``owner`` created on ``created``; stage and close date drawn unless given."""
        rng = self.rng
        currency, original, cny = _amount(rng)
        close = close or created + timedelta(days=rng.randint(12, 110))
        if owner.left_on is not None and close >= owner.left_on:
            close = max(created, owner.left_on - timedelta(days=1))
        if stage is None:
            draw = rng.random()
            stage = "won" if draw < 0.48 else "lost" if draw < 0.8 else rng.choice(OPEN_STAGES)
            if close > AS_OF:
                stage = rng.choice(OPEN_STAGES)
        n = len(self.deals) + 1
        self.deals.append(
            Deal(
                deal_id=f"D{n:04d}",
                crm_id=f"0065g00000{n:05d}AAE",
                owner=owner,
                customer=rng.choice(self.customers),
                product_line=rng.choice(PRODUCT_LINES),
                currency=currency,
                amount_original=original,
                amount=cny,
                stage=stage,
                created_on=created,
                closed_on=close if stage in ("won", "lost") else None,
                expected_close=close,
            )
        )
        return n - 1


def build_world(seed: int = 2026, deals_per_quarter: int = 5, *, plant: bool = True) -> World:
    """The world of ``seed``: each rep opens ``deals_per_quarter`` deals a quarter while
    employed (5: about 600 deals; 1 or 2 make the small worlds of the property tests), with the
    planted problems unless ``plant`` is false."""
    rng = random.Random(seed)
    people = _staff(rng)
    customers = _customers(rng, 24 + 8 * deals_per_quarter)
    periods = all_periods()
    maker = _DealMaker(rng, customers)
    targets: list[Target] = []
    reps = [p for p in people if p.role == "sales_rep" and p.team_id is not None]
    for period in periods:
        first, last = quarter_span(period)
        for rep in reps:
            if rep.active_on(first):
                targets.append(Target(rep, period, float(rng.randint(30, 90) * 10_000)))
            start = max(first, rep.hired_on)
            end = last if rep.left_on is None else min(last, rep.left_on - timedelta(days=1))
            for _ in range(deals_per_quarter if start <= end else 0):
                maker.make(rep, start + timedelta(days=rng.randint(0, (end - start).days)))
    planted, strangers = _plant(rng, people, maker, targets) if plant else (Planted(), [])
    return World(seed, people, strangers, customers, maker.deals, targets, planted, periods)


def _plant(
    rng: random.Random, people: list[Person], maker: _DealMaker, targets: list[Target]
) -> tuple[Planted, list[Person]]:
    """The planted problems, all in 2026-Q2 (their deals close in it, or would have): a
    stranger's deals (2 won, 1 open) and target, the outsider's 4 won deals, a won deal without a
    close date, a target written with a typo."""
    planted = Planted()
    stranger = _person(95, STRANGER_NAME, "T02", "sales_rep", date(2024, 2, 5))
    stranger = Person(
        **{**stranger.__dict__, "person_id": "X-ORPHAN", "email": "bq@partner-agency.net"}
    )
    q2 = quarter_span("2026-Q2")[0]
    for days, stage in ((3, "won"), (20, "won"), (35, "proposal_quote")):
        created = q2 + timedelta(days=days)
        close = created + timedelta(days=30)
        planted.unknown_owner_deals.append(maker.make(stranger, created, stage=stage, close=close))
    targets.append(Target(stranger, "2026-Q2", 500_000.0))
    planted.unknown_owner_targets.append(len(targets) - 1)
    outsider = people[-1]
    for days in (2, 15, 40, 60):
        created = date(2026, 1, 5) + timedelta(days=days + rng.randint(0, 9))
        close = q2 + timedelta(days=days)
        planted.outside_team_deals.append(maker.make(outsider, created, stage="won", close=close))
    rep = next(p for p in people if p.name_en == "Wu Xiaoming")
    index = maker.make(rep, q2 + timedelta(days=10), stage="won")
    deal = maker.deals[index]
    maker.deals[index] = Deal(**{**deal.__dict__, "closed_on": None})
    planted.no_close_date_deals.append(index)
    planted.typo_target = next(
        i for i, t in enumerate(targets) if t.person is rep and t.period == "2026-Q2"
    )
    return planted, [stranger]
