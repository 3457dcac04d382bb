"""`python -m cli ...`: how `thidua` starts its own child processes (the runner, its workers)."""

import sys

from cli.main import main

sys.exit(main())
