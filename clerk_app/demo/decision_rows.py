"""The answer to a demo deposit petition, as ``clerk_app.services.deposit`` writes it: consent
(letter with the schedule, decision row) or refusal (letter with the clerk's reasoning and the
remedy, decision row), the notice of leaving the petition without consideration, and the
delay notice where the decision month could not be kept."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from clerk_app.demo.deadline_rows import Deadlines
from clerk_app.demo.draws import Draw
from clerk_app.demo.letter_rows import LetterRows, Summoned
from clerk_app.demo.rows import Ids, Row, Rows
from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.computed_date import add_calendar_months
from clerk_app.domain.deposit_letter_texts import (
    ConsentContent,
    LeftWithoutConsiderationContent,
    RefusalContent,
    ScheduleLine,
    Signatory,
    consent_body,
    left_without_consideration_body,
    refusal_body,
)
from clerk_app.domain.instalments import (
    Instalment,
    deposit_for_rent,
    instalment_schedule,
    split_amount,
)
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.petition_checklist import PetitionItem
from clerk_app.domain.settlement import DecisionKind
from clerk_app.domain.validators import format_nrb

# Refusal reasonings in the clerk's words: (for an applicant, for a female applicant).
REFUSAL_REASONINGS = (
    ("Z oświadczenia o stanie majątkowym wynika, że dochód na osobę w gospodarstwie domowym "
     "wnioskodawcy znacznie przekracza przeciętne wynagrodzenie, a gospodarstwo posiada "
     "oszczędności wystarczające na jednorazową wpłatę kaucji. Nie zachodzi zatem szczególnie "
     "uzasadniony przypadek, o którym mowa w zarządzeniu Prezydenta Miasta w sprawie kaucji.",
     "Z oświadczenia o stanie majątkowym wynika, że dochód na osobę w gospodarstwie domowym "
     "wnioskodawczyni znacznie przekracza przeciętne wynagrodzenie, a gospodarstwo posiada "
     "oszczędności wystarczające na jednorazową wpłatę kaucji. Nie zachodzi zatem szczególnie "
     "uzasadniony przypadek, o którym mowa w zarządzeniu Prezydenta Miasta w sprawie kaucji."),
    ("Wnioskodawca posiada zadłużenie z tytułu opłat za dotychczas zajmowany lokal "
     "komunalny, nieuregulowane mimo wezwań. Rozłożenie kaucji na raty przy istniejącej "
     "zaległości nie daje rękojmi terminowego regulowania należności wobec Gminy.",
     "Wnioskodawczyni posiada zadłużenie z tytułu opłat za dotychczas zajmowany lokal "
     "komunalny, nieuregulowane mimo wezwań. Rozłożenie kaucji na raty przy istniejącej "
     "zaległości nie daje rękojmi terminowego regulowania należności wobec Gminy."),
    ("Wnioskodawca jest współwłaścicielem nieruchomości (domu jednorodzinnego), co wraz z "
     "wykazanymi dochodami pozwala na zapłatę kaucji jednorazowo. Okoliczności wskazane w "
     "prośbie nie stanowią szczególnie uzasadnionego przypadku.",
     "Wnioskodawczyni jest współwłaścicielką nieruchomości (domu jednorodzinnego), co wraz z "
     "wykazanymi dochodami pozwala na zapłatę kaucji jednorazowo. Okoliczności wskazane w "
     "prośbie nie stanowią szczególnie uzasadnionego przypadku."),
    ("Na podstawie złożonego oświadczenia ustalono, że miesięczny dochód gospodarstwa "
     "domowego kilkukrotnie przewyższa wysokość czynszu, a wnioskodawca nie wykazał wydatków "
     "ani zdarzeń losowych uzasadniających rozłożenie kaucji na raty.",
     "Na podstawie złożonego oświadczenia ustalono, że miesięczny dochód gospodarstwa "
     "domowego kilkukrotnie przewyższa wysokość czynszu, a wnioskodawczyni nie wykazała "
     "wydatków ani zdarzeń losowych uzasadniających rozłożenie kaucji na raty."),
    ("Wnioskodawca korzystał już z rozłożenia kaucji na raty za poprzednio zajmowany lokal i "
     "nie dotrzymał terminów płatności trzech rat. Wobec powyższego brak podstaw do ponownego "
     "udzielenia zgody.",
     "Wnioskodawczyni korzystała już z rozłożenia kaucji na raty za poprzednio zajmowany "
     "lokal i nie dotrzymała terminów płatności trzech rat. Wobec powyższego brak podstaw do "
     "ponownego udzielenia zgody."),
    ("W oświadczeniu o stanie majątkowym wykazano oszczędności przewyższające wysokość "
     "kaucji. Zapłata kaucji jednorazowo nie zagraża zaspokojeniu niezbędnych potrzeb "
     "gospodarstwa domowego.",) * 2,
)
DELAY_REASONS = (
    "konieczność uzyskania z Zakładu Gospodarki Mieszkaniowej informacji o zaległościach "
    "w opłatach za dotychczas zajmowany lokal",
    "konieczność wyjaśnienia rozbieżności między oświadczeniem o stanie majątkowym a "
    "dołączonymi zaświadczeniami o dochodach",
    "długotrwała nieobecność pracownika prowadzącego sprawę i duża liczba spraw w toku",
    "oczekiwanie na opinię radcy prawnego w sprawie zakresu pełnomocnictwa",
)
_DELAY_SHARE_LATE = 0.6  # decided after the month: most got a delay notice beforehand
_DELAY_SHARE_OPEN = 0.5  # open cases whose month ends soon


class DecisionRows:
    """Adds ``deposit_decisions`` rows, delay notices and the decision letters."""

    def __init__(self, draw: Draw, deadlines: Deadlines, letters: LetterRows,
                 calendar: LegalCalendar, ids: Ids) -> None:
        self.d = draw
        self.deadlines = deadlines
        self.letters = letters
        self.calendar = calendar
        self.ids = ids
        self._dues: dict[tuple[date, int], tuple[date, ...]] = {}
        settings = self.settings = letters.settings
        texts = self.texts = letters.texts
        self.legal_basis = {kind: texts.legal_basis(kind) for kind in LetterKind}
        self.signatory = Signatory(settings.signatory_name, settings.signatory_title)
        account = settings.deposit_bank_account
        self.account = format_nrb(account) if account else ""
        self.where_to_sign = (
            f"Miejsce podpisania umowy: {settings.bgm_name}, {settings.bgm_address}.")

    def schedule(self, deposit: Decimal, count: int, first_due: date) -> tuple[Instalment, ...]:
        """:func:`~clerk_app.domain.instalments.instalment_schedule` of ``deposit`` (the tests
        compare them), with the due dates worked out once per (first due date, count)."""
        key = (first_due, count)
        dues = self._dues.get(key)
        if dues is None:
            dues = self._dues[key] = tuple(
                i.due_date for i in instalment_schedule(deposit, count, first_due,
                                                        self.calendar))
        return tuple(Instalment(number, due, amount) for number, (due, amount)
                     in enumerate(zip(dues, split_amount(deposit, count), strict=True),
                                  start=1))

    def consent_first_due(self, decided: date) -> date:
        """The first due date a consent fixes: the 10th of a month at least a month away
        (so the agreement is signed before it), moved to a working day."""
        months = 1 if decided.day <= 5 else 2
        return self.deadlines.working_on_or_after(
            add_calendar_months(decided.replace(day=10), months))

    def _decision(self, rows: Rows, case: Row, kind: DecisionKind, decided: date,
                  clerk: int, letter: Row, count: int | None = None,
                  first_due: date | None = None, reasoning: str = "") -> Row:
        row: Row = {
            "id": self.ids.decision, "case_id": case["id"], "kind": kind.value,
            "decided_on": decided, "instalment_count": count, "first_due_on": first_due,
            "reasoning": reasoning, "letter_id": letter["id"], "superseded_on": None,
            "created_at": letter["created_at"], "created_by_id": clerk,
        }
        self.ids.decision += 1
        rows.decisions.append(row)
        return row

    def consent(self, rows: Rows, case: Row, clerk: int, addressee: tuple[str, ...],
                decided: date, rent: Decimal, count: int) -> tuple[Instalment, ...]:
        """Consent to ``count`` instalments (as ``grant_consent`` writes it): the letter with
        the schedule and the decision; returns the schedule."""
        first_due = self.consent_first_due(decided)
        deposit = deposit_for_rent(rent)
        schedule = self.schedule(deposit, count, first_due)
        body = consent_body(ConsentContent(
            case["received_on"], rent, deposit,
            tuple(ScheduleLine(i.number, i.due_date, i.amount) for i in schedule),
            self.legal_basis[LetterKind.CONSENT], self.account, self.where_to_sign,
            self.signatory))
        letter = self.letters.decision_letter(
            rows, case, LetterKind.CONSENT, body, decided, clerk, addressee,
            {"instalment_count": count, "first_due_on": first_due.isoformat(),
             "deposit": str(deposit)})
        self._decision(rows, case, DecisionKind.CONSENT, decided, clerk, letter, count,
                       first_due)
        return schedule

    def refusal(self, rows: Rows, case: Row, clerk: int, addressee: tuple[str, ...],
                decided: date, female: bool) -> Row:
        """Refusal with a reasoning in the clerk's words (about a ``female`` applicant or
        not) and the remedy (as ``refuse``)."""
        reasoning = self.d.one(REFUSAL_REASONINGS)[int(female)]
        body = refusal_body(RefusalContent(
            case["received_on"], reasoning, self.legal_basis[LetterKind.REFUSAL],
            self.texts.remedy_authority, self.texts.remedy_through, self.signatory))
        letter = self.letters.decision_letter(rows, case, LetterKind.REFUSAL, body, decided,
                                              clerk, addressee, {"reasoning": reasoning})
        self._decision(rows, case, DecisionKind.REFUSAL, decided, clerk, letter,
                       reasoning=reasoning)
        return letter

    def leave(self, rows: Rows, case: Row, clerk: int, addressee: tuple[str, ...],
              left_on: date, summons: Summoned, due: date,
              lacking: tuple[PetitionItem, ...]) -> Row:
        """The notice of leaving the petition without consideration (as
        ``leave_without_consideration`` writes it)."""
        body = left_without_consideration_body(LeftWithoutConsiderationContent(
            case["received_on"], summons.identifier, summons.dated_on, due,
            tuple(item.label for item in lacking),
            self.legal_basis[LetterKind.LEFT_WITHOUT_CONSIDERATION], self.signatory))
        return self.letters.decision_letter(
            rows, case, LetterKind.LEFT_WITHOUT_CONSIDERATION, body, left_on, clerk,
            addressee, {"missing": [i.value for i in lacking],
                        "deficiency_due": due.isoformat()})

    def delay_notice(self, rows: Rows, case: Row, clerk: int, addressee: tuple[str, ...],
                     decision: Row, decided: date | None) -> bool:
        """Maybe a delay notice before the decision month (``decision``, its deadline row)
        ends: when the case was decided late (``decided``) or, while open, when the month
        ends within a week. The month is replaced by the new date. Returns whether one was
        sent."""
        d = self.d
        today = self.deadlines.today
        due: date = decision["due_on"]
        start: date = decision["start_on"]
        if decided is not None:
            if decided <= due or not d.chance(_DELAY_SHARE_LATE):
                return False
        elif due > today + timedelta(days=7) or not d.chance(_DELAY_SHARE_OPEN):
            return False
        dated_on = min(today, self.deadlines.working_on_or_after(
            due - timedelta(days=d.between(4, 8))))
        if dated_on <= start or (decided is not None and dated_on >= decided):
            return False
        new_due = self.deadlines.working_on_or_after(max(dated_on, due) + timedelta(days=30))
        reason = d.one(DELAY_REASONS)
        notice = self.letters.delay_notice(rows, case, clerk, addressee, dated_on, due,
                                           new_due, reason)
        self.deadlines.replace_by_notice(rows, decision, notice)
        self.deadlines.add_new_date(rows, case["id"], notice, new_due, reason, decided)
        return True
