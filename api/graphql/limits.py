"""Limits on what one GraphQL request may ask for (cost control, denial of service)."""

from __future__ import annotations

from functools import partial

from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter

MAX_DEPTH = 10
MAX_ALIASES = 20
MAX_TOKENS = 2000
MAX_BODY_BYTES = 64 * 1024  # Litestar `request_max_body_size` → 413

LIMIT_EXTENSIONS = [
    partial(QueryDepthLimiter, max_depth=MAX_DEPTH),
    partial(MaxAliasesLimiter, max_alias_count=MAX_ALIASES),
    partial(MaxTokensLimiter, max_token_count=MAX_TOKENS),
]
