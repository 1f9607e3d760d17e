"""Polish labels of the fields that validation errors name, by stable key.

A validation error names its field by a key: snake_case English, the attribute of the
service's input record or the model column (``received_at``, ``last_name``,
``monthly_rent``). Messages shown to people name the field by its label from this table
("Pole „Data wpływu”: …"); the UI maps keys to its inputs, so renaming a label here or on a
form moves no error to another field.
"""

from __future__ import annotations

FIELD_LABELS: dict[str, str] = {
    # the sender of an incoming item, the applicant of a case
    "first_name": "Imię",
    "last_name": "Nazwisko",
    "pesel": "PESEL",
    "phone": "Telefon",
    "street": "Ulica",
    "building": "Nr budynku",
    "flat": "Nr lokalu",
    "postal_code": "Kod pocztowy",
    "city": "Miejscowość",
    "email": "Adres e-mail",
    # registration of an incoming item
    "received_at": "Data wpływu",
    "posted_on": "Data nadania",
    "subject": "Treść (temat)",
    "attachments_count": "Liczba załączników",
    "case_id": "Sprawa",
    "assignee_id": "Przydzielono do",
    "scans": "Skan",
    "monthly_rent": "Czynsz miesięczny",
    "instalments_requested": "Liczba rat",
    "proxy_name": "Pełnomocnik",
    # the substance of a deposit petition
    "first_due_on": "Termin pierwszej raty",
    "justification": "Uzasadnienie",
    "premises_address": "Adres lokalu",
    "proxy_address": "Adres pełnomocnika",
    "proxy_relation": "Stosunek pełnomocnika do mocodawcy",
    "stamp_duty_paid_on": "Data zapłaty opłaty skarbowej",
    "stamp_duty_payment": "Sposób zapłaty opłaty skarbowej",
    "stamp_duty_override_reason": "Powód zmiany zwolnienia z opłaty skarbowej",
    # the property statement
    "signed_on": "Data podpisania oświadczenia",
    "member_full_name": "Imię i nazwisko członka gospodarstwa",
    "member_relation": "Stopień pokrewieństwa",
    "member_pesel": "PESEL członka gospodarstwa",
    "member_birth_date": "Data urodzenia",
    "income_source": "Źródło dochodu",
    "income_amount": "Kwota dochodu",
    "real_estate": "Nieruchomości",
    "vehicles": "Pojazdy",
    "savings": "Oszczędności",
    "other_assets": "Inne składniki majątku",
    "debts": "Zadłużenie",
    "debts_description": "Opis zadłużenia",
    "remarks": "Uwagi",
    # money, calendar, deposit and signatures (domain rules)
    "amount": "Kwota",
    "bank_account": "Numer rachunku bankowego",
    "days": "Liczba dni",
    "months": "Liczba miesięcy",
    "household_members": "Liczba osób w gospodarstwie domowym",
    "monthly_income": "Dochód miesięczny",
    "instalment_count": "Liczba rat",
    "deposit_amount": "Kaucja",
    "number": "Numer",
    "year": "Rok",
    "status": "Status",
    "kind": "Rodzaj sprawy",
    # office settings (the attributes of OfficeSettings)
    "city_office_name": "Nazwa urzędu",
    "city_office_address": "Adres urzędu",
    "bgm_name": "Nazwa BGM",
    "bgm_address": "Adres BGM",
    "zgm_name": "Nazwa ZGM",
    "zgm_address": "Adres ZGM",
    "counter_addresses": "Punkty obsługi (w pismach)",
    "iok_unit": "Symbol komórki (IOK)",
    "iok_jrwa": "Klasa JRWA (IOK)",
    "deposit_unit": "Symbol komórki (kaucja)",
    "deposit_jrwa": "Klasa JRWA (kaucja)",
    "signature_pattern": "Wzór znaku sprawy",
    "register_pattern": "Wzór numeru w rejestrze przesyłek",
    "deficiency_days": "Termin na uzupełnienie braków (dni)",
    "decision_months": "Termin rozpatrzenia (miesiące)",
    "iok_target_days": "Termin obsługi wniosku IOK (dni)",
    "stamp_duty": "Opłata skarbowa",
    "deposit_bank_account": "Rachunek bankowy na kaucje",
    "signatory_name": "Podpisujący (imię i nazwisko)",
    "signatory_title": "Stanowisko podpisującego",
    "scan_max_mb": "Maksymalny rozmiar skanu (MB)",
    "scan_inbox_dir": "Katalog skanów do wczytania",
    # user accounts
    "username": "Nazwa użytkownika",
    "full_name": "Imię i nazwisko",
    "role": "Rola",
    "active": "Aktywny",
    "password": "Hasło",
    "old_password": "Obecne hasło",
    "new_password": "Nowe hasło",
    # letters, delivery and deadlines
    "missing": "Braki formalne",
    "delivery_status": "Doręczenie",
    "delivered_on": "Data doręczenia",
    "first_notice_on": "Data pierwszego awizo",
    "complete_on": "Data kompletnej prośby",
    "removed_on": "Data usunięcia braków",
    "closed_on": "Data",
    "deadline": "Termin",
    "new_due": "Nowy termin",
    "reason": "Powód",
    "day": "Dzień wolny",
    "name": "Nazwa dnia wolnego",
    "horizon_days": "Horyzont (dni)",
    # demo data
    "case_count": "Liczba spraw",
}


def field_label(key: str) -> str:
    """The Polish label of the field ``key``; a key missing from the table is shown as is."""
    return FIELD_LABELS.get(key, key)
