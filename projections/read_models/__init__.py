"""The read models: one projection per table set (org tree, plans, registrations, reports,
nominations, quotas), the read scope, and the plain reads of those tables."""
