"""Authentication (bearer tokens) and the access policy of each role."""
