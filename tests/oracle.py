"""An exact reference for factlint's verdicts, written apart from the engine.

It shares no code with factlint: figures are built here from their parts (so this module
knows each one's value, places, scale and qualifier without parsing the text factlint
reads), intervals have ``fractions.Fraction`` ends (no rounding anywhere), and a claim is
decided from the definition in docs (docs/design.md §3, §4):

- a printed figure stands for an interval: nearest ``[v − u/2, v + u/2]``; truncate
  ``[v, v + u)`` above zero, ``(v − u, v]`` below, ``(−u, u)`` at zero; exact ``[v, v]``;
  a count with no scale word is exact; 超/逾/多 ``(v, ∞)``, 以上 ``[v, ∞)``, 不到/不足
  ``(−∞, v)``, 以下 ``(−∞, v]``; 约 needs a tolerance (unknown here);
- a claim is consistent when some true values, one per fact, satisfy it. Where each fact
  occurs once, interval arithmetic with exact ends gives each side's exact set of values;
  the claims that repeat a fact are built from templates whose exact range is known in
  closed form (``a / (a + b)`` rises with a and falls with b, ``x - x`` is 0, …);
- ``equal`` between two plain figures is a duplicate comparison: the less precise
  figure's interval holds the more precise figure's value;
- a relative tolerance t holds when |a − b| <= t · max(|a|, |b|) for some a, b, solved for
  a (``within_relative``); an absolute one d when |a − b| <= d.

A verdict is ``True`` (consistent), ``False`` (inconsistent) or ``None`` (the oracle does
not decide: a divisor that could be zero, an approximate figure).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

SCALES = {"": 1, "千": 1000, "万": 10_000, "亿": 100_000_000}
PRE = {"超过": "gt", "超": "gt", "逾": "gt", "不到": "lt", "不足": "lt", "约": "about"}
POST = {"以上": "ge", "多": "gt", "以下": "le"}


@dataclass(frozen=True)
class Fig:
    """A figure by its parts: ``sign · digits / 10^places · scale``, with a unit
    (``元``, ``%``, ``项``, ``户``) and a qualifier word (a key of PRE or POST)."""

    negative: bool
    digits: int
    places: int
    scale: str = ""
    unit: str = "元"
    qualifier: str = ""

    @property
    def text(self) -> str:
        number = str(self.digits).rjust(self.places + 1, "0")
        if self.places:
            number = f"{number[: -self.places]}.{number[-self.places :]}"
        body = ("-" if self.negative else "") + number + self.scale + self.unit
        if self.qualifier in PRE:
            return self.qualifier + body
        return body + self.qualifier

    @property
    def step(self) -> Fraction:
        """One unit in the last printed place, in base units."""
        return Fraction(1, 10**self.places) * SCALES[self.scale] * self.unit_factor

    @property
    def unit_factor(self) -> Fraction:
        return Fraction(1, 100) if self.unit == "%" else Fraction(1)

    @property
    def value(self) -> Fraction:
        sign = -1 if self.negative else 1
        return sign * Fraction(self.digits, 10**self.places) * SCALES[self.scale] * self.unit_factor

    @property
    def dimension(self) -> str:
        return "money" if self.unit == "元" else "number"

    @property
    def exact_count(self) -> bool:
        return self.unit in ("项", "户") and self.scale == ""


@dataclass(frozen=True)
class Iv:
    """An interval with exact ends; ``None`` is an unbounded end (never closed)."""

    lo: Fraction | None
    hi: Fraction | None
    lo_in: bool = True
    hi_in: bool = True

    @staticmethod
    def point(value: Fraction) -> Iv:
        return Iv(value, value)

    def has(self, x: Fraction) -> bool:
        above = self.lo is None or x > self.lo or (x == self.lo and self.lo_in)
        below = self.hi is None or x < self.hi or (x == self.hi and self.hi_in)
        return above and below


def interval(fig: Fig, mode: str) -> Iv | None:
    """The values a printed figure stands for; None for an approximate one."""
    kind = PRE.get(fig.qualifier) or POST.get(fig.qualifier) or ""
    v = fig.value
    if kind == "about":
        return None
    if kind == "gt":
        return Iv(v, None, False, False)
    if kind == "ge":
        return Iv(v, None, True, False)
    if kind == "lt":
        return Iv(None, v, False, False)
    if kind == "le":
        return Iv(None, v, False, True)
    if mode == "exact" or fig.exact_count:
        return Iv.point(v)
    u = fig.step
    if mode == "nearest":
        return Iv(v - u / 2, v + u / 2)
    if v > 0:
        return Iv(v, v + u, True, False)
    if v < 0:
        return Iv(v - u, v, False, True)
    return Iv(-u, u, False, False)


# ---------------------------------------------------------------- exact interval arithmetic

INF = "inf"


def _ends(a: Iv) -> list[tuple[object, bool]]:
    """Each end as (value or ±INF marker, attained)."""
    lo = ("-", False) if a.lo is None else (a.lo, a.lo_in)
    hi = ("+", False) if a.hi is None else (a.hi, a.hi_in)
    return [lo, hi]


def add(a: Iv, b: Iv) -> Iv:
    lo = None if a.lo is None or b.lo is None else a.lo + b.lo
    hi = None if a.hi is None or b.hi is None else a.hi + b.hi
    return Iv(
        lo, hi, lo is not None and a.lo_in and b.lo_in, hi is not None and a.hi_in and b.hi_in
    )


def neg(a: Iv) -> Iv:
    return Iv(None if a.hi is None else -a.hi, None if a.lo is None else -a.lo, a.hi_in, a.lo_in)


def sub(a: Iv, b: Iv) -> Iv:
    return add(a, neg(b))


def _times(x: object, x_in: bool, y: object, y_in: bool) -> tuple[object, bool]:
    """A product of two ends; an infinite end times zero counts as a zero (reached only
    when the zero is), the infinite side being carried by the other corners."""
    if isinstance(x, str) or isinstance(y, str):
        other = y if isinstance(x, str) else x
        if not isinstance(other, str) and other == 0:
            return Fraction(0), (x_in if x == 0 else y_in)
        sx = (1 if x == "+" else -1) if isinstance(x, str) else (1 if x > 0 else -1)  # type: ignore[operator]
        sy = (1 if y == "+" else -1) if isinstance(y, str) else (1 if y > 0 else -1)  # type: ignore[operator]
        return ("+" if sx * sy > 0 else "-"), False
    product = x * y  # type: ignore[operator]
    attained = (x_in and y_in) or (x == 0 and x_in) or (y == 0 and y_in)
    return product, attained


def _order(end: tuple[object, bool]) -> tuple[int, Fraction]:
    value = end[0]
    if value == "-":
        return (-1, Fraction(0))
    if value == "+":
        return (1, Fraction(0))
    return (0, value)  # type: ignore[return-value]


def _span(candidates: list[tuple[object, bool]]) -> Iv:
    low = min(candidates, key=_order)
    high = max(candidates, key=_order)
    lo = None if isinstance(low[0], str) else low[0]
    hi = None if isinstance(high[0], str) else high[0]
    lo_in = lo is not None and any(c[0] == lo and c[1] for c in candidates)
    hi_in = hi is not None and any(c[0] == hi and c[1] for c in candidates)
    return Iv(lo, hi, lo_in, hi_in)  # type: ignore[arg-type]


def mul(a: Iv, b: Iv) -> Iv:
    return _span([_times(x, xi, y, yi) for x, xi in _ends(a) for y, yi in _ends(b)])


class ZeroDivisor(Exception):
    pass


def reciprocal(a: Iv) -> Iv:
    if a.has(Fraction(0)):
        raise ZeroDivisor
    positive = a.lo is not None and a.lo >= 0
    if positive:  # [lo, hi] with lo >= 0 (0 only as an open end)
        lo = Fraction(0) if a.hi is None else 1 / a.hi
        lo_in = a.hi is not None and a.hi_in
        hi = None if a.lo == 0 else 1 / a.lo  # type: ignore[operator]
        return Iv(lo, hi, lo_in, hi is not None and a.lo_in)
    return neg(reciprocal(neg(a)))


def div(a: Iv, b: Iv) -> Iv:
    return mul(a, reciprocal(b))


def meets(a: Iv, b: Iv) -> bool:
    """Some x in a equals some y in b: neither lies wholly past the other."""
    return not (_past(a.lo, a.lo_in, b.hi, b.hi_in) or _past(b.lo, b.lo_in, a.hi, a.hi_in))


def _past(lo: Fraction | None, lo_in: bool, hi: Fraction | None, hi_in: bool) -> bool:
    """A lower end above an upper end (or on it, not both attained)."""
    if lo is None or hi is None:
        return False
    return lo > hi or (lo == hi and not (lo_in and hi_in))


def below(a: Iv, b: Iv, strict: bool) -> bool:
    """Some x in a and y in b with x < y (or x <= y)."""
    if a.lo is None or b.hi is None:
        return True
    if a.lo < b.hi:
        return True
    return not strict and a.lo == b.hi and a.lo_in and b.hi_in


def compare(op: str, a: Iv, b: Iv) -> bool:
    if op == "==":
        return meets(a, b)
    if op == "<":
        return below(a, b, True)
    if op == "<=":
        return below(a, b, False)
    if op == ">":
        return below(b, a, True)
    if op == ">=":
        return below(b, a, False)
    if op == "!=":
        return not (a.lo is not None and a.lo == a.hi == b.lo == b.hi)
    raise ValueError(op)


# ---------------------------------------------------------------- expressions and claims


@dataclass(frozen=True)
class Ref:
    name: str


@dataclass(frozen=True)
class Const:
    text: str
    value: Fraction


@dataclass(frozen=True)
class Op:
    op: str
    left: object
    right: object


def text_of(node: object) -> str:
    if isinstance(node, Ref):
        return node.name
    if isinstance(node, Const):
        return node.text
    assert isinstance(node, Op)
    return f"({text_of(node.left)} {node.op} {text_of(node.right)})"


def value_of(node: object, facts: dict[str, Iv]) -> Iv:
    if isinstance(node, Ref):
        return facts[node.name]
    if isinstance(node, Const):
        return Iv.point(node.value)
    assert isinstance(node, Op)
    left, right = value_of(node.left, facts), value_of(node.right, facts)
    return {"+": add, "-": sub, "*": mul, "/": div}[node.op](left, right)


def decide(op: str, left: object, right: object, figs: dict[str, Fig], mode: str) -> bool | None:
    """A claim whose every fact occurs once: exact by interval arithmetic."""
    facts = {}
    for name, fig in figs.items():
        iv = interval(fig, mode)
        if iv is None:
            return None
        facts[name] = iv
    try:
        return compare(op, value_of(left, facts), value_of(right, facts))
    except ZeroDivisor:
        return None


def duplicates(a: Fig, b: Fig, mode: str) -> bool | None:
    """``equal`` between two printed figures, as XBRL compares duplicate facts."""
    ia, ib = interval(a, mode), interval(b, mode)
    if ia is None or ib is None:
        return None
    if a.qualifier or b.qualifier:
        return meets(ia, ib)
    assert ia.lo is not None and ia.hi is not None and ib.lo is not None and ib.hi is not None
    coarse, fine = (ia, b) if ia.hi - ia.lo >= ib.hi - ib.lo else (ib, a)
    return coarse.has(fine.value)


def monotone_range(f: object, rising: dict[str, bool], facts: dict[str, Iv]) -> Iv | None:
    """The exact range of ``f`` (a function of bounded facts, monotone in each: rising or
    falling as ``rising`` says) over the facts' intervals: its values at the two extreme
    corners, each attained when every end it uses is."""
    for iv in facts.values():
        if iv.lo is None or iv.hi is None:
            return None
    low = {n: (iv.lo if rising[n] else iv.hi) for n, iv in facts.items()}
    low_in = all((iv.lo_in if rising[n] else iv.hi_in) for n, iv in facts.items())
    high = {n: (iv.hi if rising[n] else iv.lo) for n, iv in facts.items()}
    high_in = all((iv.hi_in if rising[n] else iv.lo_in) for n, iv in facts.items())
    return Iv(f(low), f(high), low_in, high_in)  # type: ignore[operator]


def within_relative(a: Iv, b: Iv, t: Fraction) -> bool:
    """Some a, b (closed, bounded intervals) with |a − b| <= t · max(|a|, |b|), 0 <= t < 1.

    That is |a − b| <= t|a| or |a − b| <= t|b|. For the first, solve for a: a − t|a| and
    a + t|a| both rise with a, so the a whose window [a − t|a|, a + t|a|] reaches B form
    one interval, [g⁻¹(b1), f⁻¹(b2)]; it must meet A. The second is the same, A and B
    swapped."""
    return _reaches(a, b, t) or _reaches(b, a, t)


def _reaches(a: Iv, b: Iv, t: Fraction) -> bool:
    assert None not in (a.lo, a.hi, b.lo, b.hi)

    def f_inverse(y: Fraction) -> Fraction:  # the a with a − t|a| = y
        return y / (1 - t) if y >= 0 else y / (1 + t)

    def g_inverse(y: Fraction) -> Fraction:  # the a with a + t|a| = y
        return y / (1 + t) if y >= 0 else y / (1 - t)

    low = max(a.lo, g_inverse(b.lo))  # type: ignore[arg-type, type-var]
    high = min(a.hi, f_inverse(b.hi))  # type: ignore[arg-type, type-var]
    return low <= high


def within_absolute(a: Iv, b: Iv, d: Fraction) -> bool:
    """Some a, b (closed, bounded intervals) with |a − b| <= d."""
    return max(a.lo, b.lo - d) <= min(a.hi, b.hi + d)  # type: ignore[operator, type-var]
