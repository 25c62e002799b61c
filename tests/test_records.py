"""``factlint.records.dataclass`` makes what ``dataclasses.dataclass`` makes: the same
fields and signature, equality, hash, repr, frozenness, pickling, ``replace`` and
``__match_args__`` — only defined faster (start-up; see the module)."""

from __future__ import annotations

import copy
import dataclasses
import functools
import inspect
import itertools
import json
import pickle
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from factlint import records

SOURCE = Path(__file__).resolve().parents[1] / "src"


def _variants(decorate: Callable[..., Any]) -> dict[str, type]:
    """The shapes of class factlint defines, each made by ``decorate``."""

    @decorate(frozen=True, slots=True)
    class Plain:
        """A frozen slots class."""

        name: str
        count: int | None = None
        value: Decimal = Decimal("1.50")

    @decorate(frozen=True)
    class Defaults:
        """Factories, a field left out of init, repr and comparison, a post-init."""

        items: tuple[int, ...]
        table: dict[str, int] = dataclasses.field(default_factory=dict)
        note: str = dataclasses.field(default="", repr=False, compare=False)
        derived: int = dataclasses.field(init=False, repr=False, compare=False)

        def __post_init__(self) -> None:
            object.__setattr__(self, "derived", len(self.items))

    @decorate(frozen=True, slots=True)
    class Derived:
        """A slots class with a field not in init and a factory."""

        parts: list[str] = dataclasses.field(default_factory=list)
        size: int = dataclasses.field(init=False, repr=False, compare=False)

        def __post_init__(self) -> None:
            object.__setattr__(self, "size", len(self.parts))

    @decorate(frozen=True)
    class OwnMethods:
        """A class with its own equality (so its own hash from the fields), repr."""

        key: str
        other: int = 0

        def __eq__(self, other: object) -> bool:
            return isinstance(other, OwnMethods) and self.key == other.key

        def __repr__(self) -> str:
            return f"<{self.key}>"

    @decorate(frozen=True)
    class OwnHash:
        key: str

        def __hash__(self) -> int:
            return 7

    @decorate(slots=True)
    class Mutable:
        """Not frozen."""

        value: int
        more: list[int] = dataclasses.field(default_factory=list)

    @decorate(frozen=True)
    class Empty:
        pass

    @decorate(frozen=True, slots=True)
    class One:
        value: float

    return {
        cls.__name__: cls
        for cls in (Plain, Defaults, Derived, OwnMethods, OwnHash, Mutable, Empty, One)
    }


OURS = _variants(records.dataclass)
THEIRS = _variants(dataclasses.dataclass)
ARGUMENTS: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]] = {
    "Plain": [(("a",), {}), (("a", 2), {"value": Decimal("2")}), (("b",), {"count": 3})],
    "Defaults": [(((1, 2),), {}), (((1, 2),), {"note": "x"}), (((),), {"table": {"k": 1}})],
    "Derived": [((), {}), ((["x"],), {}), ((), {"parts": ["x", "y"]})],
    "OwnMethods": [(("k",), {}), (("k", 1), {}), (("j",), {})],
    "OwnHash": [(("k",), {}), (("j",), {})],
    "Mutable": [((1,), {}), ((1, [2]), {}), ((2,), {})],
    "Empty": [((), {})],
    "One": [((1.5,), {}), ((float("nan"),), {})],
}


def _outcome(function: Callable[[Any], Any], value: Any) -> tuple[object, ...]:
    try:
        return ("value", function(value))
    except Exception as error:  # the same error, worded the same
        return ("error", type(error), str(error))


def _params(cls: type) -> tuple[object, ...]:
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    return tuple(getattr(params, n) for n in ("init", "repr", "eq", "order", "frozen"))


@pytest.mark.parametrize("name", sorted(OURS))
def test_the_class_is_the_standard_one(name: str) -> None:
    ours, theirs = OURS[name], THEIRS[name]
    assert dataclasses.is_dataclass(ours)
    assert [repr(f) for f in dataclasses.fields(ours)] == [
        repr(f) for f in dataclasses.fields(theirs)
    ]
    assert str(inspect.signature(ours)) == str(inspect.signature(theirs))
    assert ours.__doc__ == theirs.__doc__.replace(theirs.__qualname__, ours.__qualname__)
    assert ours.__match_args__ == theirs.__match_args__  # type: ignore[attr-defined]
    assert _params(ours) == _params(theirs)
    assert getattr(ours, "__slots__", None) == getattr(theirs, "__slots__", None)
    assert (ours.__hash__ is None) == (theirs.__hash__ is None)


@pytest.mark.parametrize("name", sorted(OURS))
def test_instances_behave_as_the_standard_ones(name: str) -> None:
    ours, theirs = OURS[name], THEIRS[name]
    made = [(ours(*a, **k), theirs(*a, **k)) for a, k in ARGUMENTS[name]]
    for ours_one, theirs_one in made:
        assert repr(ours_one) == repr(theirs_one)
        if ours.__hash__ is not None:
            assert _outcome(hash, ours_one) == _outcome(hash, theirs_one)
        assert dataclasses.asdict(ours_one) == dataclasses.asdict(theirs_one)
        for again in (copy.copy(ours_one), copy.deepcopy(ours_one)):
            assert repr(again) == repr(ours_one)
        assert (ours_one == ours_one) == (theirs_one == theirs_one)
        assert ours_one.__eq__(theirs_one) is theirs_one.__eq__(ours_one)
    for (a, theirs_a), (b, theirs_b) in itertools.pairwise(made):
        assert (a == b) == (theirs_a == theirs_b)
        assert (a != b) == (theirs_a != theirs_b)
    first, theirs_first = made[0]
    fields = dataclasses.fields(ours)
    if fields and fields[0].init:
        changed = dataclasses.replace(first, **{fields[0].name: getattr(first, fields[0].name)})
        assert changed == first
    if _params(ours)[-1]:
        for field in fields or [dataclasses.field()]:
            name_ = field.name or "anything"
            with pytest.raises(dataclasses.FrozenInstanceError) as ours_error:
                setattr(first, name_, 1)
            with pytest.raises(dataclasses.FrozenInstanceError) as theirs_error:
                setattr(theirs_first, name_, 1)
            assert str(ours_error.value) == str(theirs_error.value)
            with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field"):
                delattr(first, name_)


def test_frozen_instances_pickle() -> None:
    # pickle finds a class by its module and name: make the module-level ones
    from factlint.model import Fact, Location, Mention
    from factlint.numbers.figures import parse_figure

    figure = parse_figure("51项")
    mention = Mention("signed", figure, section="body", line=3, declared_at=Location("f", 1))
    fact = Fact("signed", figure, (mention,), label="signed", aspects={"period": "2020"})
    again = pickle.loads(pickle.dumps(fact))
    assert again == fact and repr(again) == repr(fact)
    assert pickle.loads(pickle.dumps(mention)) == mention
    assert hash(pickle.loads(pickle.dumps(mention))) == hash(mention)
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.label = "other"  # type: ignore[misc]


def test_a_field_before_a_default_is_refused_as_the_standard_decorator_does() -> None:
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):

        @records.dataclass(frozen=True)
        class Wrong:
            a: int = 1
            b: int  # type: ignore[misc]


_DESCRIBE = """
import dataclasses, importlib, inspect, json, pkgutil, re, sys
import factlint
if sys.argv[1] == "standard":
    import factlint.records
    factlint.records.dataclass = dataclasses.dataclass
for info in pkgutil.walk_packages(factlint.__path__, "factlint."):
    if not info.name.endswith("__main__"):
        importlib.import_module(info.name)
found = {}
for name, module in sorted(sys.modules.items()):
    if not name.startswith("factlint"):
        continue
    for key, cls in vars(module).items():
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == name:
            params = cls.__dataclass_params__
            found[f"{name}.{key}"] = [
                [re.sub(" at 0x[0-9a-f]+", "", repr(f)) for f in dataclasses.fields(cls)],
                str(inspect.signature(cls)),
                cls.__doc__,
                list(cls.__match_args__),
                [params.init, params.repr, params.eq, params.order, params.frozen],
                list(getattr(cls, "__slots__", ())),
                cls.__hash__ is None,
                "__getstate__" in vars(cls),
            ]
print(json.dumps(found))
"""


def _describe(which: str) -> dict[str, Any]:
    run = subprocess.run(
        [sys.executable, "-c", _DESCRIBE, which],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(SOURCE), "PATH": ""},
    )
    described: dict[str, Any] = json.loads(run.stdout)
    return described


def test_every_class_of_factlint_is_what_the_standard_decorator_makes() -> None:
    ours, theirs = _describe("records"), _describe("standard")
    assert len(ours) > 50
    assert ours == theirs


def _fresh(decorate: Callable[..., Any]) -> dict[str, type]:
    """Classes not made yet by anyone (so their ``__init__`` is not compiled yet)."""

    @decorate(frozen=True, slots=True)
    class Point:
        x: int
        y: int = 0

    @decorate(frozen=True)
    class Named(Point):  # a dataclass made from a dataclass
        name: str = "p"

    class Plain(Point):  # a plain subclass calling the dataclass's __init__
        def __init__(self, x: int) -> None:
            super().__init__(x, x)

    return {"Point": Point, "Named": Named, "Plain": Plain}


def _made(cls: type, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    return repr(cls(*args, **kwargs))


@pytest.mark.skipif(not records._DEFERRED, reason="only where __init__ is compiled lazily")
def test_init_is_compiled_on_first_use_into_the_standard_one() -> None:
    ours, theirs = _fresh(records.dataclass), _fresh(dataclasses.dataclass)
    point = ours["Point"]
    assert isinstance(point.__dict__["__init__"], records.LazyInit)  # nothing compiled yet
    for name in ours:  # the signature before the first call, and the errors of bad calls
        assert str(inspect.signature(ours[name])) == str(inspect.signature(theirs[name]))
    for args, kwargs in [((), {}), ((1, 2, 3), {}), ((1,), {"z": 2}), ((1,), {"x": 1})]:
        for name in ("Point", "Named"):
            call = functools.partial(_made, args=args, kwargs=kwargs)
            assert _outcome(call, ours[name]) == _outcome(call, theirs[name])
    made = point(1, y=2)  # the first call (a failing one too) installs the standard function
    assert type(point.__dict__["__init__"]) is type(theirs["Point"].__init__)
    assert point.__init__.__qualname__ == theirs["Point"].__init__.__qualname__
    assert repr(made) == repr(theirs["Point"](1, y=2))
    assert repr(ours["Plain"](3)) == repr(theirs["Plain"](3))
    assert repr(ours["Named"](1, 2, "q")) == repr(theirs["Named"](1, 2, "q"))
    unbound = object.__new__(ours["Named"])
    ours["Named"].__init__(unbound, 5)  # called through the class, as super() does
    assert repr(unbound) == repr(theirs["Named"](5))
