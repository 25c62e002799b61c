"""``dataclass`` for factlint's value types: the standard library's, defined faster.

``dataclasses.dataclass`` compiles five or six methods from source for each frozen class
(``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``);
for the ~60 value types ``factlint check`` imports that was about a third of its start-up.
Here the standard decorator still makes the class (fields, defaults, ``__init__``, the
frozen ``__setattr__``/``__delattr__``, slots and their pickling, ``__match_args__``,
``fields()``, ``replace()``) but not ``__repr__``, ``__eq__`` and ``__hash__``: those are
shared functions doing what the generated ones do (the same ``repr``; equality and hash
over the tuple of the compared fields), so each class costs three compilations, not six.
``tests/test_records.py`` holds every class of factlint equal to what the standard
decorator makes. Type checkers see ``dataclasses.dataclass`` itself.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any

__all__ = ["dataclass", "draft_class"]

if TYPE_CHECKING:
    from dataclasses import dataclass as dataclass
else:

    def dataclass(cls=None, /, *, frozen=False, slots=False):
        """``dataclasses.dataclass(frozen=frozen, slots=slots)``, its other options at
        their defaults."""

        def wrap(cls):
            return _record(cls, frozen, slots)

        return wrap if cls is None else wrap(cls)


_MISSING: Any = dataclasses.MISSING
_Method = Callable[..., Any]


def _record(cls: type, frozen: bool, slots: bool) -> type:
    own = set(cls.__dict__)
    class_hash = cls.__dict__.get("__hash__", _MISSING)
    explicit_hash = not (class_hash is _MISSING or (class_hash is None and "__eq__" in own))
    made: Any = dataclasses.dataclass(cls, frozen=frozen, slots=slots, repr=False, eq=False)
    fields = dataclasses.fields(made)
    made.__dataclass_params__.repr = made.__dataclass_params__.eq = True
    methods: dict[str, _Method] = {
        "__repr__": _repr([f.name for f in fields if f.repr]),
        "__eq__": _eq(_key([f.name for f in fields if f.compare])),
    }
    if not explicit_hash:
        if frozen:
            hashed = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
            methods["__hash__"] = _hash(_key(hashed))
        else:
            made.__hash__ = None
    for name, method in methods.items():
        if name not in own or name == "__hash__":
            method.__qualname__ = f"{made.__qualname__}.{name}"
            setattr(made, name, method)
    return made  # type: ignore[no-any-return]


def _key(names: list[str]) -> Callable[[object], tuple[Any, ...]]:
    """The tuple of these attributes (``attrgetter`` gives a bare value for one name)."""
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names)


def _repr(names: list[str]) -> _Method:
    getters = [(f"{name}=", attrgetter(name)) for name in names]

    @reprlib.recursive_repr()
    def __repr__(self: object) -> str:
        inner = ", ".join([label + repr(get(self)) for label, get in getters])
        return f"{self.__class__.__qualname__}({inner})"

    return __repr__


def _eq(key: Callable[[object], tuple[Any, ...]]) -> _Method:
    def __eq__(self: object, other: object) -> Any:
        if other.__class__ is self.__class__:
            return key(self) == key(other)
        return NotImplemented

    return __eq__


def _hash(key: Callable[[object], tuple[Any, ...]]) -> _Method:
    def __hash__(self: object) -> int:
        return hash(key(self))

    return __hash__


def draft_class(cls: type) -> Any:
    """A mutable class with the slots of ``cls``, a frozen slots class of this module.

    For the loaders' makers (``model.make_fact``, ``figure_value.figure_of_class``): a
    frozen class's ``__init__`` sets each field through ``object.__setattr__``, and a
    loader builds several such objects per fact. A maker instead makes a draft, sets its
    fields as plain attributes and then turns it into a ``cls`` (``draft.__class__ =
    cls``, which CPython allows between classes of the same slots): the same object
    ``cls(...)`` makes, in a third of the time. A maker takes every field, so nothing is
    left unset; ``tests/test_makers.py`` holds each maker equal to the class's own
    constructor, field by field.
    """
    slots = cls.__dict__.get("__slots__")
    if cls.__bases__ != (object,) or not isinstance(slots, tuple):
        raise TypeError(f"{cls.__qualname__} is not a slots class of its own")
    namespace = {"__slots__": slots, "__module__": cls.__module__}
    return type(f"{cls.__name__}Draft", (), namespace)
