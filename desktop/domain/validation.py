"""Field-level validation errors, carried from the services to the screen as they are."""

from __future__ import annotations

from dataclasses import dataclass

from .messages import Message


@dataclass(frozen=True)
class FieldError:
    field: str
    message: Message


class ValidationError(Exception):
    """One or more fields are not acceptable; nothing was saved."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        return " ".join(e.message.text(lang) for e in self.errors)

    def by_field(self, lang: str = "en") -> dict[str, str]:
        out: dict[str, str] = {}
        for e in self.errors:
            out.setdefault(e.field, e.message.text(lang))
        return out

    @classmethod
    def single(cls, field: str, code: str, **params: object) -> ValidationError:
        return cls([FieldError(field, Message(code, dict(params)))])
