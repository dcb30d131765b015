"""The distribution's version, read by pyproject.toml at build time and by ``quote-service --version``."""

__version__ = "1.0.0"
