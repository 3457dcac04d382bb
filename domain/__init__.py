"""Pure domain layer: aggregates, events, value objects and rules. No I/O."""
