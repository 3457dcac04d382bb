"""The grassroots and district officer's pages: what is due for my units ("việc cần làm"),
the plans they must answer, registering on a plan's form, results and periodic reports,
nominations with their dossier files and timeline.

Every page reads the read models (projections/queries) or calls the services REST calls;
none checks a rule itself.
"""

from api.web.officer.nominations import NominationPages
from api.web.officer.plans import PlanPages
from api.web.officer.registrations import RegistrationPages

OFFICER_PAGES = [PlanPages, RegistrationPages, NominationPages]

__all__ = ["OFFICER_PAGES"]
