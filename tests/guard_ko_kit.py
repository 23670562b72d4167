"""The Korean role guard's rules alone (no learned layer), as the rule tests read it."""

from __future__ import annotations

from dialogue.guard import Guard, GuardContext

GUARD = Guard(learned=False)


def found(text: str) -> set[str]:
    """The categories the rules find in an agent turn (alerting configured)."""
    result = GUARD.check(text, context=GuardContext(language="ko", alerting=True))
    return {v.category for v in result.violations}
