"""Files: ``regions.yaml``, session files and PNG export. Imports only the core (and Qt for
rendering an export, lazily)."""
