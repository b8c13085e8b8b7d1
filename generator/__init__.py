"""A static literature-survey site generator: paper sources in, a searchable MkDocs Material site out."""

__version__ = "0.1.0"
