"""The desktop window. Qt lives here and only here; the model lives in ``editor/``."""
