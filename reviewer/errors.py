"""Every error reviewer raises on purpose. One root; config apart from runtime.

Messages name the file (where there is one) and say what to do about it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.models import Usage


class ReviewerError(Exception):
    """Root of all reviewer errors."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        if hint is not None:
            self.hint = hint
        self.message = message
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip() if self.hint else self.message


# --------------------------------------------------------------------------- configuration


class ConfigError(ReviewerError):
    """The options, environment or config file are wrong; nothing was reviewed because of it."""


class RubricError(ConfigError):
    """A rubric file is missing, unreadable or fails validation."""


class PromptError(ConfigError):
    """A prompt template is missing or malformed."""


# --------------------------------------------------------------------------- runtime


class RuntimeReviewError(ReviewerError):
    """Something went wrong while reviewing; other documents in a batch go on."""


class DocumentError(RuntimeReviewError):
    """A document could not be read. Always names the file."""

    what = "could not be read"
    hint = "Check the file opens in Word or a PDF viewer, then try again."

    def __init__(self, path: str | Path, detail: str = "", *, hint: str | None = None) -> None:
        self.path = str(path)
        self.detail = detail
        msg = f"{self.path}: {self.what}"
        if detail:
            msg += f" ({detail})"
        msg += "."
        super().__init__(msg, hint=hint)


class UnsupportedFormatError(DocumentError):
    what = "is not a PDF or DOCX file"
    hint = "Save it as PDF or as Word .docx (File > Save As) and review that copy."


class EncryptedDocumentError(DocumentError):
    what = "is password-protected"
    hint = "Pass the password with --password, or save an unprotected copy."


class NoTextLayerError(DocumentError):
    what = "has no text layer (it looks scanned)"
    hint = (
        "OCR is needed: install the OCR extra (pip install 'reviewer[ocr]' and Debian's tesseract-ocr), "
        "or run the PDF through OCR first."
    )


class CorruptDocumentError(DocumentError):
    what = "is damaged or truncated"
    hint = "Re-export or re-download the original and try again."


class EmptyDocumentError(DocumentError):
    what = "is empty"
    hint = "The file has no content; check that it was copied completely."


class DocumentTooLargeError(DocumentError):
    """A configured limit was exceeded; ``limit`` names it."""

    what = "is over a size limit"

    def __init__(self, path: str | Path, detail: str = "", *, limit: str = "", hint: str | None = None) -> None:
        self.limit = limit
        super().__init__(
            path,
            detail,
            hint=hint
            or (f"Raise the limit with --{limit.replace('_', '-')} if the file is trusted, or split it." if limit else None),
        )


class ModelError(RuntimeReviewError):
    """The model endpoint failed or kept answering badly; carries attempts and usage."""

    def __init__(
        self,
        message: str,
        *,
        attempts: int = 0,
        usage: Usage | None = None,
        hint: str | None = None,
        path: str | None = None,
    ) -> None:
        self.attempts = attempts
        self.usage = usage
        self.path = path
        super().__init__(message, hint=hint)


class BudgetExceededError(RuntimeReviewError):
    """Reviewing the next document would pass --max-cost."""

    hint = "Raise --max-cost, or review fewer documents."


class OutputError(RuntimeReviewError):
    """An output could not be written safely."""

    hint = "Check --out is writable and has free space."
