"""What the engine and the Django side share: the event vocabulary and EDTF dates.

Plain Python with no Django imports, so the extraction engine (``events.extraction``) and the models,
API and pages import the same definitions without the engine depending on Django or the other way
round.
"""
