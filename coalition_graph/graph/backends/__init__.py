"""Query backends by name behind one small interface (see base.Backend)."""
