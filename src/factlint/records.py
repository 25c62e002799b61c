"""``dataclass`` for factlint's value types: the standard library's, defined faster.

``dataclasses.dataclass`` compiles five or six methods from source for each frozen class
(``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``);
for the ~60 value types ``factlint check`` imports that was about a third of its start-up.
Here the standard decorator still makes the class (fields, defaults, ``__init__``, the
frozen ``__setattr__``/``__delattr__``, slots and their pickling, ``__match_args__``,
``fields()``, ``replace()``) but not ``__repr__``, ``__eq__`` and ``__hash__``: those are
shared functions doing what the generated ones do (the same ``repr``; equality and hash
over the tuple of the compared fields). On CPython 3.11 and 3.12, whose decorator makes
``__init__`` and the frozen methods by ``_init_fn`` and ``_frozen_get_del_attr``, no method
is compiled when a class is made either: the frozen ``__setattr__``/``__delattr__`` are
closures doing what the generated ones do, and ``__init__`` is the standard one, compiled
by ``_init_fn`` itself when first called (or its signature first read) — most value types
``factlint check`` imports are never made in a run. ``tests/test_records.py`` holds every
class of factlint equal to what the standard decorator makes. Type checkers see
``dataclasses.dataclass`` itself.
"""

from __future__ import annotations

import dataclasses
import inspect
import reprlib
import sys
from collections.abc import Callable
from operator import attrgetter
from types import MethodType
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
    made: Any = _standard_class(cls, frozen, slots)
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


# ---- __init__ and the frozen methods without compiling (CPython 3.11 and 3.12) ------------

_STANDARD_INIT: Any = getattr(dataclasses, "_init_fn", None)
_STANDARD_FROZEN: Any = getattr(dataclasses, "_frozen_get_del_attr", None)
_DEFERRED = sys.version_info[:2] in ((3, 11), (3, 12)) and None not in (
    _STANDARD_INIT,
    _STANDARD_FROZEN,
)
"""Whether the standard decorator's helpers are the ones this module stands in for (their
arguments and results are those of 3.11 and 3.12; 3.13 builds methods otherwise)."""


def _standard_class(cls: type, frozen: bool, slots: bool) -> Any:
    """``dataclasses.dataclass(cls, ...)`` without ``__repr__`` and ``__eq__``; on 3.11 and
    3.12 with the lazily compiled ``__init__`` and the frozen methods of this module."""
    if not _DEFERRED:
        return dataclasses.dataclass(cls, frozen=frozen, slots=slots, repr=False, eq=False)
    module: Any = dataclasses
    module._init_fn, module._frozen_get_del_attr = _lazy_init, _frozen_methods
    try:
        return dataclasses.dataclass(cls, frozen=frozen, slots=slots, repr=False, eq=False)
    finally:
        module._init_fn, module._frozen_get_del_attr = _STANDARD_INIT, _STANDARD_FROZEN


def _lazy_init(
    fields: list[Any],
    std_fields: list[Any],
    kw_only_fields: list[Any],
    frozen: bool,
    has_post_init: bool,
    self_name: str,
    globals: dict[str, Any],
    slots: bool,
) -> LazyInit:
    """What ``dataclasses._init_fn`` returns, compiled when first needed; its one check
    (a field without a default after one with) is made now, as ``_init_fn`` makes it."""
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is _MISSING and f.default_factory is _MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
    arguments = (fields, std_fields, kw_only_fields, frozen, has_post_init, self_name)
    return LazyInit((*arguments, globals, slots))


class LazyInit:
    """A dataclass's ``__init__`` until it is first called: then the function
    ``dataclasses._init_fn`` compiles replaces it in the class, and every later call is the
    standard ``__init__`` itself. Its signature is that function's."""

    __slots__ = ("_arguments", "_function")

    def __init__(self, arguments: tuple[Any, ...]) -> None:
        self._arguments = arguments
        self._function: Any = None

    def compiled(self) -> Any:
        if self._function is None:
            self._function = _STANDARD_INIT(*self._arguments)
        return self._function

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        return self if instance is None else MethodType(self, instance)

    def __call__(self, instance: object, /, *args: Any, **kwargs: Any) -> None:
        function = self.compiled()
        for owner in type(instance).__mro__:
            if owner.__dict__.get("__init__") is self:
                function.__qualname__ = f"{owner.__qualname__}.__init__"
                owner.__init__ = function  # type: ignore[misc]
                break
        function(instance, *args, **kwargs)

    @property
    def __signature__(self) -> inspect.Signature:
        return inspect.signature(self.compiled())


def _frozen_methods(
    cls: Any, fields: list[Any], globals: dict[str, Any]
) -> tuple[_Method, _Method]:
    """``dataclasses._frozen_get_del_attr``'s two methods, as closures: the same test
    (``cls`` is the class as the decorator saw it, before slots made a new one), the same
    errors."""
    names = frozenset(f.name for f in fields)
    frozen_error = dataclasses.FrozenInstanceError

    def __setattr__(self: object, name: str, value: object) -> None:
        if type(self) is cls or name in names:
            raise frozen_error(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: object, name: str) -> None:
        if type(self) is cls or name in names:
            raise frozen_error(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


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

    For the loaders' makers (``loading.fact_makers.make_fact``, ``figure_value.figure_of_class``): a
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
