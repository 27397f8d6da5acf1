"""Renderers turn a Review (and its Document) into deliverables."""
