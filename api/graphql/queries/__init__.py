"""Query resolvers, grouped by what they read; `api/graphql/schema.py` merges them."""
