"""Pages of the upper-level and province officers: plans they issue (draft, issue, launch,
the cascade below), registrations and reports of the units below, the nomination review
queue with its quota counter, and the org tree with its changes and import."""

from api.web.review.follow_up import FollowUpPage
from api.web.review.org import OrgPages
from api.web.review.org_import import OrgImportPage
from api.web.review.plans import PlanPages
from api.web.review.queue import ReviewQueue

REVIEW_PAGES = [PlanPages, FollowUpPage, ReviewQueue, OrgImportPage, OrgPages]
