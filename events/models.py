"""Placeholder: the relational model arrives in the next commit."""
