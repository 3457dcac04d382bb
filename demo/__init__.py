"""Demo data drawn from the seeds (shared/seeds, the seeds package): the national COVID-19
campaign cascading through three province federations, a sector union and a department,
with registrations, reports, nominations and awards — written through the services.

`await load_demo(platform)` loads it into an empty database (no tenant registered);
`thidua serve` does so on start unless THIDUA_DEMO=0; `thidua demo load` on demand.
Ids are fixed (demo.ids), so the README's examples name them literally.
"""

from demo.loader import DemoLoad, load_demo

__all__ = ["DemoLoad", "load_demo"]
