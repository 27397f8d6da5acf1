"""A local OpenAI-compatible server with scripted answers and fault scenarios (see server.py)."""
