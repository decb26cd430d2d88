"""One module per output format of events; :mod:`.registry` lists them."""
