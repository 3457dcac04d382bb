"""REST endpoints (commands) and the HTTP rendering of errors."""
