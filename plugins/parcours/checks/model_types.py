"""Walking the model's types along a field's path, to name what belongs there:
the fields a block may have, the values a field may take."""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from ..sources.positions import Loc


def _unwrap(annotation: Any) -> Any:
    """Strip `Annotated[...]` and `Optional[...]`, keeping the meaningful type."""
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation = get_args(annotation)[0]
            continue
        if origin in (Union, types.UnionType):
            arms = [arm for arm in get_args(annotation) if arm is not type(None)]
            models = [arm for arm in arms if isinstance(arm, type) and issubclass(arm, BaseModel)]
            annotation = models[0] if models else arms[0]
            continue
        return annotation


def _type_at(model: type[BaseModel], loc: Loc) -> Any:
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif get_origin(current) in (list, tuple) and isinstance(part, int):
            args = get_args(current)
            current = args[0] if args else Any
        elif get_origin(current) is dict:
            current = get_args(current)[1]
        else:
            return None
    return current


def fields_of(model: type[BaseModel], loc: Loc) -> list[str]:
    target = _unwrap(_type_at(model, loc))
    if isinstance(target, type) and issubclass(target, BaseModel):
        return list(target.model_fields)
    return []


def literal_values(model: type[BaseModel], loc: Loc) -> list[str]:
    target = _unwrap(_type_at(model, loc))
    if get_origin(target) is Literal:
        return [str(arg) for arg in get_args(target)]
    return []
