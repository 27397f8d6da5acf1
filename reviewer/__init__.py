"""reviewer: review AI pilot proposals and post-pilot reports against the ten architectural
reasons pilots stall, and write grounded gap memos.

    >>> from reviewer import review_file
    >>> review = review_file("fixtures/samples/some-proposal.pdf")
    >>> [(f.reason_id, f.status) for f in review.findings]
"""

from reviewer.batch import review_paths
from reviewer.documents import Limits, parse
from reviewer.errors import (
    ConfigError,
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    ModelError,
    NoTextLayerError,
    ReviewerError,
    RubricError,
    UnsupportedFormatError,
)
from reviewer.models import (
    BatchResult,
    Block,
    DocType,
    Document,
    Evidence,
    Facts,
    Finding,
    Outcome,
    Review,
    Rubric,
    Status,
    Usage,
)
from reviewer.options import ReviewOptions
from reviewer.review import review_file
from reviewer.rubric import load_rubric

__all__ = [
    "BatchResult",
    "Block",
    "ConfigError",
    "CorruptDocumentError",
    "DocType",
    "Document",
    "DocumentError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "Evidence",
    "Facts",
    "Finding",
    "Limits",
    "ModelError",
    "NoTextLayerError",
    "Outcome",
    "Review",
    "ReviewOptions",
    "ReviewerError",
    "Rubric",
    "RubricError",
    "Status",
    "UnsupportedFormatError",
    "Usage",
    "load_rubric",
    "parse",
    "review_file",
    "review_paths",
]
