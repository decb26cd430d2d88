"""The API's views, one module per resource. Each is a thin caller of selectors and services."""
