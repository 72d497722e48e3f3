"""pandera models of the newsquotes tables and the invariants between them."""

from schemas.integrity import TableValidationError, validate_tables
from schemas.tables import MODELS, SCHEMA_VERSION

__all__ = ["MODELS", "SCHEMA_VERSION", "TableValidationError", "validate_tables"]
