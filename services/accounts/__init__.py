"""Account commands and sign-in: invitations, roles, disabling, passwords, sessions and
personal API tokens. Changes to an account are events of `domain.accounts.UserAccount`
(through `services.commands.run_command`); secrets live in the account tables
(`infra/account_tables.py`), hashed."""
