"""All mapped classes in one import (Alembic's target metadata and the services use it)."""

from clerk_app.persistence.base import Base
from clerk_app.persistence.models_admin import AuditEntry, DayOff, NumberSequence, Setting, User
from clerk_app.persistence.models_audit_values import AuditValue
from clerk_app.persistence.models_cases import (
    Case,
    CaseNote,
    DepositDecision,
    DepositPetition,
    HouseholdMember,
    Instalment,
    InstalmentAgreement,
    IokRequest,
    PropertyStatement,
)
from clerk_app.persistence.models_deadlines import Deadline, DeadlineRedating, DeadlineSuspension
from clerk_app.persistence.models_intake import IncomingItem, Scan, ScanChunk
from clerk_app.persistence.models_iok import IokExport, LegacyAccount, LegacyBatch
from clerk_app.persistence.models_letters import Letter, LetterFile
from clerk_app.persistence.models_statements import HouseholdIncome, StatementViewEntry

__all__ = [
    "AuditEntry", "AuditValue", "Base", "Case", "CaseNote", "DayOff", "Deadline",
    "DeadlineRedating", "DeadlineSuspension", "DepositDecision", "DepositPetition",
    "HouseholdIncome",
    "HouseholdMember",
    "IncomingItem", "Instalment", "InstalmentAgreement", "IokExport", "IokRequest",
    "LegacyAccount", "LegacyBatch", "Letter", "LetterFile",
    "NumberSequence", "PropertyStatement", "Scan", "ScanChunk", "Setting", "StatementViewEntry",
    "User",
]
