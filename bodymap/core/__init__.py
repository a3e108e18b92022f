"""The Qt-free core: anatomy, pain geometry, matching and sessions.

Nothing under this package imports Qt; ``tests/test_layers.py`` enforces it.
"""
