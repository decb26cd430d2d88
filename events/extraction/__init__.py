"""The extraction engine: plain Python, no Django.

Data in (an article's text and its publication date), dataclasses out. Configuration is passed in as a
frozen dataclass; nothing here reads settings. Django code calls into this package, never the other way.
"""
