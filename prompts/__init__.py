"""Data, not code: the rubric and prompt templates ship as the ``reviewer.prompts`` package."""
