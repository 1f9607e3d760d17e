"""The answer to a demo deposit petition: the decision row (consent or refusal, with the
refusal's reasoning in the clerk's words), the delay notice where the month could not be kept,
and the letters of the decision (those whose builders exist; see :data:`DECISION_LETTERS`)."""

from __future__ import annotations

from datetime import date, timedelta

from clerk_app.demo.deadline_rows import Deadlines
from clerk_app.demo.draws import Draw
from clerk_app.demo.letter_rows import LetterRows
from clerk_app.demo.rows import Ids, Row, Rows
from clerk_app.domain.computed_date import add_calendar_months
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.settlement import DecisionKind

# The letter kinds of the second half of the procedure this build can issue: the bodies of
# consent, refusal and the notice of leaving without consideration come from the workflow
# branch; until the domain knows those kinds their letters are not written.
DECISION_LETTERS = frozenset(k.value for k in LetterKind)

REFUSAL_REASONINGS = (
    "Z oświadczenia o stanie majątkowym wynika, że dochód na osobę w gospodarstwie domowym "
    "wnioskodawcy znacznie przekracza przeciętne wynagrodzenie, a gospodarstwo posiada "
    "oszczędności wystarczające na jednorazową wpłatę kaucji. Nie zachodzi zatem szczególnie "
    "uzasadniony przypadek, o którym mowa w zarządzeniu Prezydenta Miasta w sprawie kaucji.",
    "Wnioskodawca posiada zadłużenie z tytułu opłat za dotychczas zajmowany lokal "
    "komunalny, nieuregulowane mimo wezwań. Rozłożenie kaucji na raty przy istniejącej "
    "zaległości nie daje rękojmi terminowego regulowania należności wobec Gminy.",
    "Wnioskodawczyni jest współwłaścicielką nieruchomości (domu jednorodzinnego), co wraz z "
    "wykazanymi dochodami pozwala na zapłatę kaucji jednorazowo. Okoliczności wskazane w "
    "prośbie nie stanowią szczególnie uzasadnionego przypadku.",
    "Na podstawie złożonego oświadczenia ustalono, że miesięczny dochód gospodarstwa domowego "
    "kilkukrotnie przewyższa wysokość czynszu, a wnioskodawca nie wykazał wydatków ani "
    "zdarzeń losowych uzasadniających rozłożenie kaucji na raty.",
    "Wnioskodawca korzystał już z rozłożenia kaucji na raty za poprzednio zajmowany lokal i "
    "nie dotrzymał terminów płatności trzech rat. Wobec powyższego brak podstaw do ponownego "
    "udzielenia zgody.",
    "W oświadczeniu o stanie majątkowym wykazano oszczędności przewyższające wysokość "
    "kaucji. Zapłata kaucji jednorazowo nie zagraża zaspokojeniu niezbędnych potrzeb "
    "gospodarstwa domowego.",
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
                 ids: Ids) -> None:
        self.d = draw
        self.deadlines = deadlines
        self.letters = letters
        self.ids = ids

    def consent_first_due(self, decided: date) -> date:
        """The first due date a consent fixes: the 10th of a month at least a month away
        (so the agreement is signed before it), moved to a working day."""
        months = 1 if decided.day <= 5 else 2
        return self.deadlines.working_on_or_after(
            add_calendar_months(decided.replace(day=10), months))

    def decide(self, rows: Rows, case: Row, kind: DecisionKind, decided: date, clerk: int,
               count: int | None, first_due: date | None) -> Row:
        """The decision row (its letter is added once its kind is known to the domain)."""
        reasoning = "" if kind is DecisionKind.CONSENT else self.d.one(REFUSAL_REASONINGS)
        row: Row = {
            "id": self.ids.decision, "case_id": case["id"], "kind": kind.value,
            "decided_on": decided, "instalment_count": count, "first_due_on": first_due,
            "reasoning": reasoning, "letter_id": None, "superseded_on": None,
            "created_at": self.letters.created_at(decided), "created_by_id": clerk,
        }
        self.ids.decision += 1
        rows.decisions.append(row)
        return row

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
