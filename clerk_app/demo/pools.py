"""Word pools for the demo-data generator: Polish names, streets of Piekary Śląskie, texts,
and the demo accounts and bank account.

Surnames are stored in their masculine form; :func:`feminine_surname` gives the form a woman
uses (Kowalski → Kowalska, Nowicki → Nowicka, Szczęsny → Szczęsna, Nowak → Nowak).
"""

from __future__ import annotations

CITY = "Piekary Śląskie"
POSTAL_CODE = "41-940"

FEMALE_FIRST_NAMES: tuple[str, ...] = (
    "Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna",
    "Elżbieta", "Zofia", "Joanna", "Magdalena", "Monika", "Teresa", "Danuta", "Natalia",
    "Aleksandra", "Karolina", "Marta", "Beata", "Dorota", "Jadwiga", "Halina", "Janina",
    "Irena", "Grażyna", "Jolanta", "Urszula", "Bożena", "Renata", "Iwona", "Sylwia",
    "Justyna", "Paulina", "Weronika", "Wiktoria", "Julia", "Zuzanna", "Łucja", "Gabriela",
    "Genowefa", "Stanisława", "Józefa", "Bogumiła", "Wiesława", "Edyta", "Kinga", "Żaneta",
)

MALE_FIRST_NAMES: tuple[str, ...] = (
    "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Jan", "Michał", "Marcin", "Jakub",
    "Adam", "Łukasz", "Józef", "Marek", "Grzegorz", "Stanisław", "Mateusz", "Wojciech",
    "Mariusz", "Dariusz", "Zbigniew", "Jerzy", "Maciej", "Ryszard", "Kazimierz", "Henryk",
    "Tadeusz", "Sławomir", "Bogdan", "Zdzisław", "Rafał", "Szymon", "Kamil", "Sebastian",
    "Przemysław", "Damian", "Artur", "Bartłomiej", "Dawid", "Jarosław", "Leszek", "Mirosław",
    "Czesław", "Wiesław", "Eugeniusz", "Ireneusz", "Gerard", "Hubert", "Alojzy", "Zygmunt",
    "Bernard", "Jacek",
)

# Masculine forms; common all over Poland plus typical Upper Silesian names.
SURNAMES: tuple[str, ...] = (
    "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
    "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
    "Wojciechowski", "Kwiatkowski", "Krawczyk", "Kaczmarek", "Piotrowski", "Grabowski",
    "Zając", "Pawłowski", "Michalski", "Król", "Wieczorek", "Jabłoński", "Wróbel",
    "Nowakowski", "Majewski", "Olszewski", "Stępień", "Malinowski", "Jaworski", "Adamczyk",
    "Dudek", "Nowicki", "Pawlak", "Górski", "Witkowski", "Walczak", "Sikora", "Baran",
    "Rutkowski", "Michalak", "Szewczyk", "Ostrowski", "Tomaszewski", "Pietrzak", "Duda",
    "Zalewski", "Wróblewski", "Jasiński", "Marciniak", "Bąk", "Zawadzki", "Sadowski",
    "Jakubowski", "Chmielewski", "Włodarczyk", "Borkowski", "Czarnecki", "Sawicki",
    "Sokołowski", "Urbański", "Kubiak", "Maciejewski", "Szczepański", "Kucharski", "Wilk",
    "Kalinowski", "Lis", "Mazurek", "Wysocki", "Kaźmierczak", "Czerwiński", "Cieślak",
    "Głowacki", "Kołodziej", "Sikorski", "Krajewski", "Szulc", "Brzeziński", "Ziółkowski",
    "Szczęsny", "Kowol", "Pyka", "Skrzypiec", "Golec", "Kubica", "Mrozek", "Pietrzyk",
    "Musioł", "Gawlik", "Kempa", "Szołtysek", "Bednorz", "Kasprzyk", "Sosna", "Mikołajczyk",
    "Ficek", "Wyciślok", "Grzesik", "Bugdol", "Niesporek", "Stolarczyk", "Żyła", "Lach",
    "Pohl", "Respondek", "Kandzia", "Mainka", "Piecha", "Cebula", "Kukla", "Bańczyk",
)

# Adjectival endings and their feminine forms, longest first.
_FEMININE_ENDINGS: tuple[tuple[str, str], ...] = (
    ("dzki", "dzka"), ("cki", "cka"), ("ski", "ska"), ("ny", "na"),
)


def feminine_surname(masculine: str) -> str:
    """The form a woman uses: adjectival surnames change (-ski → -ska), others do not."""
    for ending, feminine in _FEMININE_ENDINGS:
        if masculine.endswith(ending):
            return masculine[: -len(ending)] + feminine
    return masculine


# Streets of Piekary Śląskie (as written in addresses, without "ul.") and the highest
# building number used for each.
STREETS: tuple[tuple[str, int], ...] = (
    ("Bytomska", 120), ("Kalwaryjska", 90), ("Jana Pawła II", 40), ("Ks. Ficka", 30),
    ("Szpitalna", 40), ("Oświęcimska", 60), ("Wyszyńskiego", 40),
    ("Skłodowskiej-Curie", 80), ("Tarnogórska", 150), ("Roosevelta", 60),
    ("Kościuszki", 50), ("Bohaterów Getta", 40), ("Dąbrowskiego", 50), ("Leśna", 40),
    ("Żwirki i Wigury", 30), ("Harcerska", 30), ("Gen. Jerzego Ziętka", 40),
    ("Ks. Jerzego Popiełuszki", 30), ("3 Maja", 40), ("Alfonsa Zgrzebnioka", 30),
    ("Bolesława Prusa", 20), ("Gustawa Morcinka", 20), ("Górna", 20), ("Górnośląska", 40),
    ("Ignacego Paderewskiego", 30), ("Jana Dzierżonia", 20), ("Juliusza Ligonia", 30),
    ("Kłosowa", 15), ("Kwiatowa", 25), ("Niepodległości", 40), ("Plebiscytowa", 30),
    ("Pod Gajem", 15), ("Poprzeczna", 15), ("Powstańców Śląskich", 40),
    ("Radzionkowska", 60), ("Tysiąclecia", 30), ("Zamkowa", 20),
)

# A few applicants live in a neighbouring town: (city, postal code, streets).
OTHER_TOWNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Radzionków", "41-922", ("Kużaja", "Mickiewicza", "Sienkiewicza")),
    ("Bytom", "41-902", ("Piekarska", "Dworcowa", "Chorzowska")),
    ("Siemianowice Śląskie", "41-100", ("Michałkowicka", "Śląska")),
)

EMAIL_DOMAINS: tuple[str, ...] = (
    "wp.pl", "onet.pl", "gmail.com", "interia.pl", "o2.pl", "op.pl", "poczta.fm",
    "outlook.com", "int.pl", "vp.pl", "interia.eu", "poczta.onet.pl",
)

DEPOSIT_JUSTIFICATIONS: tuple[str, ...] = (
    "Jedynym dochodem jest emerytura; nie jestem w stanie zapłacić całej kaucji jednorazowo.",
    "Utraciłem pracę w ubiegłym miesiącu, obecnie pobieram zasiłek dla bezrobotnych.",
    "Samotnie wychowuję dwoje dzieci, dochody wystarczają tylko na bieżące opłaty.",
    "Przeprowadzka z lokalu zagrożonego katastrofą budowlaną – nie mam oszczędności.",
    "Choroba w rodzinie i wysokie koszty leczenia.",
    "Renta z tytułu niezdolności do pracy jest moim jedynym źródłem utrzymania.",
    "Spłacam zadłużenie po zmarłym mężu, nie mam środków na jednorazową wpłatę.",
    "Zamiana lokalu na mniejszy ze względu na koszty utrzymania.",
    "Pracuję na umowę zlecenie, dochody są nieregularne.",
    "Opuszczam mieszkanie socjalne, kaucja przekracza moje możliwości finansowe.",
    "Wielodzietna rodzina, jedno wynagrodzenie w gospodarstwie domowym.",
    "Po wyroku eksmisyjnym z lokalu prywatnego otrzymałam przydział lokalu gminnego.",
)

JUSTIFICATION_DEFICIENT = "Proszę o rozłożenie kaucji na raty."

INCOME_SOURCES: tuple[tuple[str, int, int], ...] = (
    # (source, lowest, highest monthly income in złoty)
    ("wynagrodzenie za pracę", 3500, 7500),
    ("emerytura", 1800, 4200),
    ("renta z tytułu niezdolności do pracy", 1300, 2800),
    ("umowa zlecenie", 800, 3500),
    ("zasiłek dla bezrobotnych", 1300, 1700),
    ("działalność gospodarcza", 2500, 8000),
    ("alimenty", 500, 1500),
    ("świadczenie pielęgnacyjne", 2800, 3300),
)
CHILD_INCOME = ("świadczenie wychowawcze 800+", 800, 800)
NO_INCOME = "brak dochodu"

VEHICLES: tuple[str, ...] = (
    "Opel Astra, 2008", "Fiat Panda, 2012", "Skoda Fabia, 2010", "Toyota Yaris, 2015",
    "Volkswagen Golf, 2006", "Ford Focus, 2011", "Dacia Sandero, 2019", "Kia Ceed, 2016",
)
REAL_ESTATE: tuple[str, ...] = (
    "udział 1/4 w domu jednorodzinnym po rodzicach (Radzionków)",
    "działka rekreacyjna 300 m² (ROD „Jedność”)",
    "garaż blaszany na działce dzierżawionej",
)
STATEMENT_REMARKS: tuple[str, ...] = (
    "", "", "", "Zaległość czynszowa w poprzednim lokalu spłacona w 2023 r.",
    "Dochód współmałżonka nieregularny.", "Oświadczenie złożone wraz z zaświadczeniem z PUP.",
)

PROXY_FIRST_NAMES = FEMALE_FIRST_NAMES[:20] + MALE_FIRST_NAMES[:20]

DEMO_NRB = "61109010140000071219812874"  # deposit account of the demo office
DEMO_PASSWORD = "Demo1234"
# (username, full name, role value) of the demo accounts.
DEMO_USERS: tuple[tuple[str, str, str], ...] = (
    ("demo.punkt1", "Beata Kowol (demo)", "counter"),
    ("demo.punkt2", "Dariusz Pyka (demo)", "counter"),
    ("demo.referent1", "Agnieszka Wieczorek (demo)", "clerk"),
    ("demo.referent2", "Łukasz Skrzypiec (demo)", "clerk"),
    ("demo.referent3", "Małgorzata Bednorz (demo)", "clerk"),
    ("demo.referent4", "Józef Musioł (demo)", "clerk"),
    ("demo.kierownik", "Grażyna Szołtysek (demo)", "supervisor"),
)
DEMO_ADMIN: tuple[str, str, str] = ("demo.admin", "Administrator demonstracyjny", "admin")
