"""GraphQL (Strawberry) at /graphql: queries over read models, with limits and coded errors."""
