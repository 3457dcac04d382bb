"""Sub-commands of `thidua`. Each module has `register(subparsers)` that sets `handler`,
a function `(args, settings) -> exit code`."""

from cli.commands import audit, bench, demo, platform, projections, serve, token

COMMANDS = [serve.register, audit.register, token.register, bench.register, projections.register,
            demo.register, platform.register]
