"""``dataclass`` for factlint's value types: the standard library's, defined faster.

``dataclasses.dataclass`` compiles five or six methods from source for each frozen class
(``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``);
for the ~60 value types ``factlint check`` imports that was about a third of its start-up.
Here the standard decorator still does all but the methods (fields, defaults,
``__match_args__``, slots, ``fields()``, ``replace()``, ``__dataclass_params__``); only
``__init__`` is compiled, as the standard one is (it runs for every fact and figure), and
the other methods are shared functions doing what the generated ones do: equality and
hash over a tuple of the compared fields, the same ``repr``, ``FrozenInstanceError`` on
assignment, the pickling state of frozen slots classes. Classes with ``ClassVar`` or
``InitVar`` fields go to the standard decorator. ``tests/test_records.py`` holds each
behaviour equal to the standard decorator's. Type checkers see ``dataclasses.dataclass``.
"""

from __future__ import annotations

import dataclasses
import re
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any

__all__ = ["dataclass"]

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


class _Factory:
    """The default of a parameter whose field has a default factory."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()
_PSEUDO = re.compile(r"\b(?:ClassVar|InitVar|KW_ONLY)\b")


def _record(cls: type, frozen: bool, slots: bool) -> type:
    own = dict(cls.__dict__)
    if any(_PSEUDO.search(str(t)) for t in own.get("__annotations__", {}).values()):
        return dataclasses.dataclass(cls, frozen=frozen, slots=slots)
    documented = bool(own.get("__doc__"))
    class_hash = own.get("__hash__", _MISSING)
    explicit_hash = not (class_hash is _MISSING or (class_hash is None and "__eq__" in own))
    for name in ("__setattr__", "__delattr__"):
        if frozen and name in own:
            raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")
    if not documented:  # else the decorator words one from the signature it has no init for
        cls.__doc__ = "?"
    made: Any = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots)
    fields = dataclasses.fields(made)
    params = made.__dataclass_params__
    params.init = params.repr = params.eq = True
    params.frozen = frozen
    if "__init__" not in own:
        made.__init__ = _LazyInit(made, fields, frozen, slots)
    methods: dict[str, _Method] = {"__repr__": _repr([f.name for f in fields if f.repr])}
    methods["__eq__"] = _eq(_key([f.name for f in fields if f.compare]))
    if frozen:
        names = tuple(f.name for f in fields)
        methods["__setattr__"] = _frozen_setattr(made, names)
        methods["__delattr__"] = _frozen_delattr(made, names)
    for name, method in methods.items():
        if name not in own:
            method.__qualname__ = f"{made.__qualname__}.{name}"
            setattr(made, name, method)
    if frozen and slots:
        for name, method in (("__getstate__", _getstate), ("__setstate__", _setstate)):
            if name not in own:
                setattr(made, name, method)
    if not explicit_hash:
        if frozen:
            hashed = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
            made.__hash__ = _hash(_key(hashed))
            made.__hash__.__qualname__ = f"{made.__qualname__}.__hash__"
        else:
            made.__hash__ = None
    if not documented:
        import inspect

        made.__doc__ = made.__name__ + str(inspect.signature(made)).replace(" -> None", "")
    return made  # type: ignore[no-any-return]


class _LazyInit:
    """A class's ``__init__`` until it is first looked up (to make an instance, or by
    ``inspect``): then compiled and put in its place, so a class no run instantiates costs
    no compilation."""

    __slots__ = ("cls", "fields", "frozen", "slots")

    def __init__(
        self, cls: type, fields: tuple[dataclasses.Field[Any], ...], frozen: bool, slots: bool
    ) -> None:
        self.cls, self.fields, self.frozen, self.slots = cls, fields, frozen, slots

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        function = _init(self.cls, self.fields, self.frozen, self.slots)
        function.__qualname__ = f"{self.cls.__qualname__}.__init__"
        self.cls.__init__ = function  # type: ignore[misc]
        return function if instance is None else function.__get__(instance, owner)


def _init(
    cls: type, fields: tuple[dataclasses.Field[Any], ...], frozen: bool, slots: bool
) -> _Method:
    """``__init__`` compiled from the same text the standard decorator compiles."""
    self = "__dataclass_self__" if any(f.name == "self" for f in fields) else "self"
    scope: dict[str, Any] = {
        "__dataclass_builtins_object__": object,
        "_HAS_DEFAULT_FACTORY": _FACTORY,
    }
    positional: list[dataclasses.Field[Any]] = []
    keyword: list[dataclasses.Field[Any]] = []
    body: list[str] = []
    seen_default = False
    for f in fields:
        default = f"_dflt_{f.name}"
        if f.default_factory is not _MISSING:
            scope[default] = f.default_factory
            value = f"{default}() if {f.name} is _HAS_DEFAULT_FACTORY else {f.name}"
            value = value if f.init else f"{default}()"
        elif f.default is not _MISSING:
            scope[default] = f.default
            value = f.name if f.init else default
        else:
            value = f.name
        if f.init:
            (keyword if f.kw_only else positional).append(f)
            if not f.kw_only:
                has_default = f.default is not _MISSING or f.default_factory is not _MISSING
                if seen_default and not has_default:
                    raise TypeError(f"non-default argument {f.name!r} follows default argument")
                seen_default = seen_default or has_default
        elif f.default_factory is _MISSING and not (slots and f.default is not _MISSING):
            continue  # read from the class attribute, as the standard decorator leaves it
        if frozen:
            body.append(f"__dataclass_builtins_object__.__setattr__({self},{f.name!r},{value})")
        else:
            body.append(f"{self}.{f.name}={value}")
    if hasattr(cls, "__post_init__"):
        body.append(f"{self}.__post_init__()")
    params = [self, *map(_parameter, positional)]
    if keyword:
        params += ["*", *map(_parameter, keyword)]
    text = f"def __init__({','.join(params)}):\n " + "\n ".join(body or ["pass"])
    exec(text, scope)
    function: _Method = scope["__init__"]
    annotations: dict[str, Any] = {f.name: f.type for f in positional + keyword}
    function.__annotations__ = annotations | {"return": None}
    function.__module__ = cls.__module__
    return function


def _parameter(f: dataclasses.Field[Any]) -> str:
    if f.default is not _MISSING:
        return f"{f.name}=_dflt_{f.name}"
    if f.default_factory is not _MISSING:
        return f"{f.name}=_HAS_DEFAULT_FACTORY"
    return f.name


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


def _frozen_setattr(cls: type, names: tuple[str, ...]) -> _Method:
    def __setattr__(self: Any, name: str, value: object) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)  # type: ignore[arg-type]

    return __setattr__


def _frozen_delattr(cls: type, names: tuple[str, ...]) -> _Method:
    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)  # type: ignore[arg-type]

    return __delattr__


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, f.name) for f in dataclasses.fields(self)]


def _setstate(self: Any, state: list[Any]) -> None:
    for f, value in zip(dataclasses.fields(self), state, strict=False):
        object.__setattr__(self, f.name, value)
