"""Conversation (P4): a role-specified open-domain dialogue around the check-in.

The response bank (`bank`: situations people bring up and the agent's reactions, written by
the project in Korean and English) and its retrieval (`retrieve`: BM25 over Kiwi morphemes and
English lemmas, with a calibrated fail threshold): the Retrieve and fail of CareCall's
Retrieve-fail-Generate.
"""

from dialogue.conversation.bank import Bank, Situation, load_bank
from dialogue.conversation.retrieve import Candidate, Retriever

__all__ = ["Bank", "Candidate", "Retriever", "Situation", "load_bank"]
