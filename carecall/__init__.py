"""carecall: the composition root. CLI, configuration, and building a call pipeline from config.

Domain logic lives in `telephony`, `asr`, `dialogue` and `tts`; this package only wires them.
"""

__version__ = "0.1.0"
