"""Parametric standing adult for the BodyMap art and region geometry.

Everything is built in "half-space" coordinates ``(d, y)``: ``d`` is the distance from the
body's midline and ``y`` the SVG row, both in SVG user units (1000 units = stature H).
A patient side on a view maps to SVG x by ``x = 200 + s * d`` (see ``docs/regions-format.md``).
"""
