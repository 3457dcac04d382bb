"""The auditor's tools: history, state as of any moment, chain verification, export, replay.

Every read an auditor makes of a tenant is itself recorded in that tenant's `audit_reads`.
"""
