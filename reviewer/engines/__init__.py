"""Review engines behind one interface: ``engine.review(document, rubric) -> EngineResult``.

``screen`` is the offline, deterministic screening engine; ``llm`` is the langchain chain.
Core modules import only this interface, never langchain or openai.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from reviewer.models import Document, EngineInfo, EngineResult, Rubric


@runtime_checkable
class Engine(Protocol):
    """What every engine provides."""

    @property
    def info(self) -> EngineInfo: ...

    def review(self, document: Document, rubric: Rubric) -> EngineResult:
        """Assess one document against every reason of the rubric (quotes not yet grounded)."""
        ...
