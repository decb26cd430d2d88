"""How events are read and shown: one read model (:mod:`.record`) and one module per output format
(:mod:`.formats`). Pages, the API and every download read the same records."""
