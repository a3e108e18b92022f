"""The PySide6 window. Widgets only: geometry comes from the core, files go through io."""
