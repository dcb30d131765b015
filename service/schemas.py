"""Request and response schemas (marshmallow); ``openapi.yaml`` describes the same shapes."""

from __future__ import annotations

from marshmallow import RAISE, Schema, fields, validate

from .engine.lang import AUTO, LANGUAGES, UNDETERMINED

LANGUAGE_CHOICES = (AUTO, *LANGUAGES)  # the engine's language registry, and detection
RESULT_LANGUAGES = (*LANGUAGES, UNDETERMINED)  # a result's language: ``und`` when none reads the text
BLANK_TEXT = "The text is empty: send an article."
OFFSET_UNITS = ("codepoint", "utf16", "utf8")


def language_field(default: str | None) -> fields.String:
    """A language code the engine reads, or ``auto``; another code is a 422 that lists them."""
    message = f"Unsupported language {{input!r}}: use one of {', '.join(LANGUAGE_CHOICES)}."
    return fields.String(load_default=default, validate=validate.OneOf(LANGUAGE_CHOICES, error=message))


def article_field() -> fields.String:
    """The article: a blank one is an error, on the page as in the API."""
    return fields.String(required=True, validate=validate.Regexp(r"\S", error=BLANK_TEXT))


class StrictBoolean(fields.Boolean):
    """A JSON ``true`` or ``false``, nothing else: 0, 1 and "yes" are not booleans here."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


class QuotesRequestSchema(Schema):
    """Body of ``POST /v1/quotes`` as JSON."""

    class Meta:
        unknown = RAISE

    text = article_field()
    language = language_field(AUTO)
    indirect = StrictBoolean(load_default=True)
    offsets = fields.String(load_default="codepoint", validate=validate.OneOf(OFFSET_UNITS))


class BatchDocumentSchema(Schema):
    """One document of ``POST /v1/quotes/batch``."""

    class Meta:
        unknown = RAISE

    id = fields.String(required=True, validate=validate.Length(min=1, max=200))
    text = article_field()
    language = language_field(AUTO)
    indirect = StrictBoolean(load_default=True)


class BatchRequestSchema(Schema):
    """Body of ``POST /v1/quotes/batch`` as JSON; each document is checked on its own."""

    class Meta:
        unknown = RAISE

    documents = fields.List(fields.Raw(allow_none=True), required=True, validate=validate.Length(min=1))
    offsets = fields.String(load_default="codepoint", validate=validate.OneOf(OFFSET_UNITS))


class QuotesQuerySchema(Schema):
    """Query parameters of ``POST /v1/quotes`` (the options of a text/plain body)."""

    class Meta:
        unknown = RAISE

    language = language_field(None)
    indirect = fields.Boolean(load_default=None, truthy={"true"}, falsy={"false"})
    offsets = fields.String(load_default=None, validate=validate.OneOf(OFFSET_UNITS))


quotes_request = QuotesRequestSchema()
batch_request = BatchRequestSchema()
batch_document = BatchDocumentSchema()
quotes_query = QuotesQuerySchema()
