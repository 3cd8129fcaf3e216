"""A quick yes to "does this bundle pass the JSON Schema?", before the full validator.

``jsonschema`` walks the schema anew for every value and builds an error path for each step,
about 7 ms for an account of 10 people: a fifth of a first sync of 1,000 accounts. The bundle
schema uses a small set of keywords, so ``compile_schema`` turns it once into plain Python
predicates. They answer True only when every keyword holds; on False (or a keyword they do not
know) the caller runs the full validator, which finds the same documents valid and says in
words what is wrong with the others. So the quick check can only save time, never let through
what the schema refuses (tests/services/test_bundle_schema.py compares both on altered
bundles).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

#: Keywords that only describe: they never make a document invalid.
_ANNOTATIONS = frozenset({"description", "title", "$schema", "$id", "$defs", "$comment"})

_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
    "number": lambda v: _number(v),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class Unsupported(Exception):
    """The schema uses a keyword this compiler does not know: no quick check then."""


def compile_schema(schema: dict[str, Any]) -> Check:
    """A predicate that is True only for documents valid under ``schema`` (draft 2020-12,
    the keywords the bundle schema uses); Unsupported for any other keyword."""
    defs = schema.get("$defs", {})
    compiled: dict[str, Check] = {}

    def ref(name: str) -> Check:
        def check(value: Any) -> bool:
            return compiled[name](value)

        return check

    def build(node: Any) -> Check:
        if node is True or node == {}:
            return lambda _v: True
        if node is False:
            return lambda _v: False
        if not isinstance(node, dict):
            raise Unsupported(repr(node))
        checks: list[Check] = []
        for key, arg in node.items():
            if key in _ANNOTATIONS:
                continue
            checks.append(keyword(key, arg, node))
        if len(checks) == 1:
            return checks[0]
        return lambda v: all(c(v) for c in checks)

    def keyword(key: str, arg: Any, node: dict[str, Any]) -> Check:
        if key == "$ref":
            prefix = "#/$defs/"
            if (
                not isinstance(arg, str)
                or not arg.startswith(prefix)
                or arg[len(prefix) :] not in defs
            ):
                raise Unsupported(f"$ref {arg!r}")
            if len(node) > 1 and set(node) - _ANNOTATIONS - {"$ref"}:
                raise Unsupported("$ref beside other keywords")
            return ref(arg[len(prefix) :])
        if key == "type":
            names = [arg] if isinstance(arg, str) else list(arg)
            tests = [_TYPES[n] for n in names]
            return lambda v: any(t(v) for t in tests)
        if key in ("maxLength", "minLength"):
            limit = int(arg)
            if key == "maxLength":
                return lambda v: not isinstance(v, str) or len(v) <= limit
            return lambda v: not isinstance(v, str) or len(v) >= limit
        if key in ("minimum", "maximum"):
            bound = arg
            if not _number(bound):
                raise Unsupported(f"{key} {bound!r}")
            if key == "minimum":
                return lambda v: not _number(v) or v >= bound
            return lambda v: not _number(v) or v <= bound
        if key == "pattern":
            regex = re.compile(arg)
            return lambda v: not isinstance(v, str) or regex.search(v) is not None
        if key in ("enum", "const"):
            allowed = list(arg) if key == "enum" else [arg]
            if not all(a is None or isinstance(a, str) or _number(a) for a in allowed):
                raise Unsupported(f"{key} of booleans, lists or objects")
            strings = {a for a in allowed if isinstance(a, str)}
            numbers = [a for a in allowed if _number(a)]
            null = None in allowed

            def one_of(v: Any) -> bool:
                if isinstance(v, str):
                    return v in strings
                if _number(v):
                    return any(v == n for n in numbers)  # 1 and 1.0 alike, as jsonschema
                return null and v is None

            return one_of
        if key == "items":
            item = build(arg)
            return lambda v: not isinstance(v, list) or all(item(i) for i in v)
        if key == "properties":
            props = {name: build(sub) for name, sub in arg.items()}

            def properties(v: Any) -> bool:
                if not isinstance(v, dict):
                    return True
                return all(check(v[name]) for name, check in props.items() if name in v)

            return properties
        if key == "required":
            names = list(arg)
            return lambda v: not isinstance(v, dict) or all(n in v for n in names)
        if key == "additionalProperties":
            if "patternProperties" in node:
                raise Unsupported("patternProperties")
            known = frozenset(node.get("properties", {}))
            extra = build(arg)
            return lambda v: (
                not isinstance(v, dict)
                or all(extra(item) for name, item in v.items() if name not in known)
            )
        raise Unsupported(key)

    for name, sub in defs.items():
        compiled[name] = build(sub)
    return build(schema)
