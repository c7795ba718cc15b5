"""The words, names and phrases the synthetic corpus is written with.

Everything here is plain data in a fixed order (the generator draws from it with a seeded
``random.Random``, so the order is part of what makes a seed reproducible). The words are real
words from the field: common ones (samenwerking, gemeente, zorg) that occur in a large share of
the takeaways, compounds (netwerksamenwerking, woonzorgcentrum) whose parts also occur on their
own, accented words (cliënt, geïnteresseerden, crèche) and a long tail of rare words.

Phrases marked as an *action* end in their verb; a ``|`` splits a separable verb
(``los|laten``) so that the writer can put ``te`` in the right place ("los te laten").
A phrase listed twice is drawn twice as often. Every text is capitalised by the writer, so
phrases are written as they appear inside a sentence.
"""

# The lists are laid out by hand, several words a line.
# fmt: off

# People ----------------------------------------------------------------------------------------

FIRST_NAMES_NL = (
    "Anna", "Annemarie", "Anouk", "Astrid", "Bas", "Bram", "Carla", "Carolien", "Daan", "Dirk",
    "Edwin", "Els", "Emma", "Erik", "Esther", "Eva", "Femke", "Floor", "Frank", "Frans", "Gerard",
    "Gert-Jan", "Hanneke", "Hans", "Harm", "Hester", "Ilse", "Ingrid", "Iris", "Jaap", "Jan",
    "Janneke", "Jasper", "Jeroen", "Joost", "Jolanda", "Joris", "Josephine", "Karin", "Kees",
    "Kim", "Koen", "Lars", "Laura", "Lieke", "Linda", "Lisa", "Loes", "Maaike", "Manon", "Marco",
    "Marieke", "Marjolein", "Mark", "Martijn", "Maarten", "Mirjam", "Monique", "Nadia", "Niels",
    "Nienke", "Noor", "Paul", "Petra", "Pieter", "Remco", "Renate", "Rik", "Rob", "Roel", "Ruud",
    "Sander", "Sanne", "Saskia", "Sietske", "Simone", "Sjoerd", "Sophie", "Stefan", "Suzanne",
    "Thijs", "Thomas", "Tim", "Ton", "Vera", "Wendy", "Wieteke", "Willem", "Wouter", "Yvonne",
    "Zeynep", "Fatima", "Mohamed", "Yasmina", "Kemal", "Priya", "Ayşe", "Noël", "Chloë", "Zoë",
)

FIRST_NAMES_BE = (
    "An", "Annelies", "Arne", "Bart", "Bianca", "Brecht", "Dries", "Ellen", "Elke", "Evelien",
    "Febe", "Geert", "Greet", "Greta", "Griet", "Grieke", "Hannelore", "Hilde", "Inge", "Jan",
    "Jef", "Jens", "Joke", "Jolien", "Jonas", "Josephine", "Karel", "Katrien", "Klaar", "Koen",
    "Lander", "Laurent", "Leen", "Lieve", "Lieven", "Lotte", "Marc", "Marijke", "Mieke", "Nele",
    "Pieter-Jan", "Riet", "Ruben", "Sander", "Seppe", "Sofie", "Stijn", "Tine", "Toon", "Veerle",
    "Ward", "Wim", "Wout", "Ines", "Amélie", "Hélène", "Céline", "Michaël", "Raphaël", "Anaïs",
)

# Dutch surnames with their particles in lower case ("van der Meer"), Flemish ones with a capital
# ("De Smet", "Van den Bossche"), as each country writes them.
SURNAMES_NL = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
    "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
    "van den Broek", "de Bruijn", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet",
    "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins",
    "Blom", "Huisman", "de Jonge", "Kuipers", "van Veen", "Post", "Kuiper", "Veenstra", "Kramer",
    "van den Brink", "Scholten", "van Wijk", "Postma", "Martens", "Vink", "de Ridder", "Jonker",
    "van der Laan", "Bosman", "Timmermans", "Groen", "Gerritsen", "Molenaar", "Wolters",
    "Claassen", "van Rijn", "ter Horst", "ten Brink", "in 't Veld", "van 't Hof", "Puijk",
    "Kaats", "Grobbe", "Licht", "Oosterhuis", "Wijnands", "Boerma", "Hofstra", "Zwart", "Faber",
    "Yilmaz", "El Amrani", "Bouzid", "Kaya", "Ramdin", "Tjon A Fong", "Sahin", "Ünal",
)

SURNAMES_BE = (
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
    "De Smet", "Dubois", "Lambert", "Dupont", "De Smaele", "Vermeulen", "Van de Velde",
    "De Clercq", "Van Damme", "Callewaert", "Leire", "Debaets", "Claeys", "Desmet",
    "Van den Bossche", "De Backer", "Verstraete", "Hermans", "Michiels", "Aerts", "Vandenberghe",
    "Van Acker", "De Wolf", "Verhaeghe", "De Vos", "Pauwels", "Vanderstraeten", "Forceville",
    "Van Hoof", "Segers", "Vercammen", "Declercq", "D'Hondt", "Vanhove", "De Meyer", "Lemmens",
    "Van Looy", "Moens", "Cuypers", "Geerts", "Smets", "Dewulf", "Van Goethem", "Verlinden",
    "Huysmans", "Daems", "El Idrissi", "Benali", "Öztürk",
)

FUNCTIONS = (
    "strategisch adviseur", "beleidsmedewerker wonen en zorg", "beleidsadviseur sociaal domein",
    "wijkverpleegkundige", "directeur-bestuurder", "programmamanager", "wethouder zorg en welzijn",
    "opbouwwerker", "kwartiermaker", "lector", "onderzoeker", "projectleider",
    "coördinator mantelzorg", "huisarts", "sociaal werker", "bestuurder", "organisatiefilosoof",
    "teamleider wijkteam", "accountmanager", "inkoper jeugd en Wmo", "ervaringsdeskundige",
    "ouderenadviseur", "buurtcoach", "manager wonen", "regisseur", "netwerkcoördinator",
    "procesbegeleider", "senior adviseur", "consulent", "gespreksleider", "docent",
    "coördinator", "stafmedewerker", "directeur", "collegelid voor Welzijn", "schepen van Welzijn",
    "OCMW-voorzitter", "clustermanager", "zorgcoördinator", "leefstijlcoach",
)

# (name, country, function, organisation) — the people the seed documents name; they come
# first, so they speak most often.
KNOWN_PEOPLE = (
    ("Klaar De Smaele", "BE", "coördinator", "Kenniscentrum WWZ"),
    ("Hans Puijk", "NL", "strategisch adviseur", "raedelijn"),
    ("Edwin Kaats", "NL", "adviseur", "Common Eye"),
    ("Frans Grobbe", "NL", "adviseur", "Ao-advies"),
    ("Hans Licht", "NL", "organisatiefilosoof", None),
    ("Greta Leire", "BE", "coördinator", "Overlegplatform Geestelijke Gezondheid Brussel"),
    ("Laurent Dupont", "BE", "netwerker", "Bataclan/Passerelles"),
    ("Josephine Callewaert", "BE", "projectleider", "Crosslink"),
    ("Bianca Debaets", "BE", "collegelid voor Welzijn", None),
    ("Grieke Forceville", "BE", "gespreksleider", None),
)

PERSON_BIOS = (
    "{name} is {function} en werkt al jaren aan {topic}.",
    "{name} werkt als {function} {place} en schrijft over {topic}.",
    "Als {function} zet {name} zich in voor {goal}.",
)

# Places ----------------------------------------------------------------------------------------

# Province -> municipalities (real ones).
NL_PROVINCES = {
    "Groningen": (
        "Groningen", "Eemsdelta", "Midden-Groningen", "Westerkwartier", "Het Hogeland",
        "Oldambt", "Veendam", "Stadskanaal",
    ),
    "Friesland": (
        "Leeuwarden", "Súdwest-Fryslân", "Smallingerland", "Heerenveen", "De Fryske Marren",
        "Harlingen", "Ooststellingwerf", "Tytsjerksteradiel",
    ),
    "Drenthe": (
        "Assen", "Emmen", "Hoogeveen", "Meppel", "Coevorden", "Tynaarlo", "Aa en Hunze",
        "Borger-Odoorn",
    ),
    "Overijssel": (
        "Zwolle", "Enschede", "Deventer", "Hengelo", "Almelo", "Kampen", "Oldenzaal",
        "Hardenberg", "Rijssen-Holten", "Raalte",
    ),
    "Flevoland": ("Almere", "Lelystad", "Dronten", "Noordoostpolder", "Zeewolde"),
    "Gelderland": (
        "Arnhem", "Nijmegen", "Apeldoorn", "Ede", "Doetinchem", "Harderwijk", "Zutphen", "Tiel",
        "Wageningen", "Winterswijk", "Barneveld", "Nunspeet", "Elburg", "Ermelo",
    ),
    "Utrecht": (
        "Utrecht", "Amersfoort", "Nieuwegein", "Zeist", "Veenendaal", "Houten", "IJsselstein",
        "Woerden", "De Bilt", "Stichtse Vecht",
    ),
    "Noord-Holland": (
        "Amsterdam", "Haarlem", "Zaanstad", "Alkmaar", "Hilversum", "Hoorn", "Den Helder",
        "Purmerend", "Amstelveen", "Velsen", "Dijk en Waard", "Enkhuizen", "Diemen",
    ),
    "Zuid-Holland": (
        "Rotterdam", "Den Haag", "Leiden", "Dordrecht", "Zoetermeer", "Delft", "Gouda",
        "Schiedam", "Vlaardingen", "Alphen aan den Rijn", "Westland", "Leidschendam-Voorburg",
        "Nissewaard", "Papendrecht", "Zwijndrecht", "Sliedrecht", "Gorinchem",
    ),
    "Zeeland": ("Middelburg", "Vlissingen", "Goes", "Terneuzen", "Schouwen-Duiveland", "Hulst"),
    "Noord-Brabant": (
        "Eindhoven", "Tilburg", "Breda", "'s-Hertogenbosch", "Helmond", "Oss", "Roosendaal",
        "Bergen op Zoom", "Waalwijk", "Oosterhout", "Veldhoven", "Uden", "Dongen",
        "Loon op Zand", "Meierijstad",
    ),
    "Limburg": (
        "Maastricht", "Heerlen", "Venlo", "Sittard-Geleen", "Roermond", "Weert", "Kerkrade",
        "Venray", "Landgraaf", "Brunssum",
    ),
}

# Regions that cross municipal borders -> the province they lie in.
NL_REGIONS = {
    "Twente": "Overijssel", "IJsselland": "Overijssel", "Achterhoek": "Gelderland",
    "Noord-Veluwe": "Gelderland", "Food Valley": "Gelderland", "Rivierenland": "Gelderland",
    "Stedendriehoek": "Gelderland", "Hart van Brabant": "Noord-Brabant",
    "Zuidoost-Brabant": "Noord-Brabant", "West-Brabant": "Noord-Brabant",
    "Noordoost-Brabant": "Noord-Brabant", "Drechtsteden": "Zuid-Holland",
    "Haaglanden": "Zuid-Holland", "Holland Rijnland": "Zuid-Holland",
    "Midden-Holland": "Zuid-Holland", "Rijnmond": "Zuid-Holland", "Zuid-Limburg": "Limburg",
    "Noord-Limburg": "Limburg", "Midden-Limburg": "Limburg", "West-Friesland": "Noord-Holland",
    "Kennemerland": "Noord-Holland", "Zaanstreek-Waterland": "Noord-Holland",
    "Gooi en Vechtstreek": "Noord-Holland", "Amstelland": "Noord-Holland",
    "Kop van Noord-Holland": "Noord-Holland", "Eemland": "Utrecht", "Lekstroom": "Utrecht",
    "Walcheren": "Zeeland", "Zeeuws-Vlaanderen": "Zeeland", "Oost-Groningen": "Groningen",
    "Zuidoost-Drenthe": "Drenthe", "Noordwest-Friesland": "Friesland",
}

# Gewest -> province -> municipalities; the Brussels gewest has no provinces (key None).
BE_GEWESTEN = {
    "Vlaams Gewest": {
        "Antwerpen": (
            "Antwerpen", "Mechelen", "Turnhout", "Geel", "Lier", "Mol", "Herentals", "Boom",
        ),
        "Limburg": (
            "Hasselt", "Genk", "Sint-Truiden", "Tongeren", "Beringen", "Lommel", "Maasmechelen",
        ),
        "Oost-Vlaanderen": (
            "Gent", "Aalst", "Sint-Niklaas", "Dendermonde", "Lokeren", "Oudenaarde", "Ronse",
            "Eeklo", "Ninove",
        ),
        "West-Vlaanderen": (
            "Brugge", "Kortrijk", "Oostende", "Roeselare", "Ieper", "Waregem", "Menen", "Tielt",
            "Poperinge",
        ),
        "Vlaams-Brabant": (
            "Leuven", "Vilvoorde", "Halle", "Tienen", "Aarschot", "Diest", "Zaventem",
            "Grimbergen",
        ),
    },
    "Brussels Hoofdstedelijk Gewest": {
        None: (
            "Brussel", "Schaarbeek", "Anderlecht", "Sint-Jans-Molenbeek", "Elsene", "Ukkel",
            "Vorst", "Etterbeek", "Jette", "Sint-Gillis", "Evere", "Oudergem", "Koekelberg",
        ),
    },
    "Waals Gewest": {
        "Henegouwen": ("Charleroi", "Bergen", "Doornik", "La Louvière", "Moeskroen"),
        "Luik": ("Luik", "Verviers", "Seraing", "Eupen"),
        "Namen": ("Namen", "Dinant"),
        "Luxemburg": ("Aarlen", "Bastenaken"),
        "Waals-Brabant": ("Waver", "Nijvel", "Ottignies-Louvain-la-Neuve"),
    },
}

BE_REGIONS = {
    "Kempen": "Antwerpen", "Noorderkempen": "Antwerpen", "Westhoek": "West-Vlaanderen",
    "Zuid-West-Vlaanderen": "West-Vlaanderen", "Waasland": "Oost-Vlaanderen",
    "Meetjesland": "Oost-Vlaanderen", "Vlaamse Ardennen": "Oost-Vlaanderen",
    "Pajottenland": "Vlaams-Brabant", "Hageland": "Vlaams-Brabant", "Noordrand": "Vlaams-Brabant",
    "Haspengouw": "Limburg", "Maasland": "Limburg",
}

COUNTRY_NAMES = {"NL": "Nederland", "BE": "België"}

VENUES = (
    "Jaarbeurs", "Stadhuis", "Buurthuis De Ontmoeting", "Wijkcentrum De Schakel", "Hogeschool",
    "Bibliotheek", "Gemeentehuis", "Congrescentrum", "Lokaal dienstencentrum", "Cultuurhuis",
    "Zorgcampus", "Woonzorgcentrum De Linde", "Provinciehuis", "Buurtkamer", "Huis van de Wijk",
    "Stadsschouwburg", "Kerk De Ark", "Theater aan het Plein", "Sociaal Huis", "Café De Zwaan",
)

# Organisations ---------------------------------------------------------------------------------

# (name, kind, country, municipality or None) — organisations the seed documents mention and
# national bodies every portal in the field knows; they come first, so they are the busiest.
KNOWN_ORGANISATIONS = (
    ("Platform31", "kenniscentrum", "NL", "Den Haag"),
    ("Kenniscentrum WWZ", "kenniscentrum", "BE", "Brussel"),
    ("Aedes-Actiz Kenniscentrum Wonen-Zorg", "kenniscentrum", "NL", "Utrecht"),
    ("VNG", "koepel", "NL", "Den Haag"),
    ("Verdiwel", "koepel", "NL", "Utrecht"),
    ("Movisie", "kenniscentrum", "NL", "Utrecht"),
    ("Vilans", "kenniscentrum", "NL", "Utrecht"),
    ("raedelijn", "adviesbureau", "NL", "Arnhem"),
    ("Common Eye", "adviesbureau", "NL", "Amersfoort"),
    ("Ao-advies", "adviesbureau", "NL", "Zwolle"),
    ("Ministerie van VWS", "overheid", "NL", "Den Haag"),
    ("Ministerie van BZK", "overheid", "NL", "Den Haag"),
    ("Aedes", "koepel", "NL", "Den Haag"),
    ("ActiZ", "koepel", "NL", "Utrecht"),
    ("Sociaal Werk Nederland", "koepel", "NL", "Utrecht"),
    ("Zorgnet-Icuro", "koepel", "BE", "Brussel"),
    ("Vereniging van Vlaamse Steden en Gemeenten", "koepel", "BE", "Brussel"),
    ("Vlaamse overheid", "overheid", "BE", "Brussel"),
    ("Departement Zorg", "overheid", "BE", "Brussel"),
    ("Crosslink", "samenwerkingsverband", "BE", "Brussel"),
    ("Bataclan/Passerelles", "welzijnsorganisatie", "BE", "Brussel"),
    ("Overlegplatform Geestelijke Gezondheid Brussel", "samenwerkingsverband", "BE", "Brussel"),
    ("Gezond Veluwe", "samenwerkingsverband", "NL", "Harderwijk"),
    ("Health Hub Utrecht", "samenwerkingsverband", "NL", "Utrecht"),
    ("Pharos", "kenniscentrum", "NL", "Utrecht"),
    ("Trimbos-instituut", "kenniscentrum", "NL", "Utrecht"),
    ("Nederlands Jeugdinstituut", "kenniscentrum", "NL", "Utrecht"),
    ("Zorgverzekeraars Nederland", "koepel", "NL", "Zeist"),
    ("GGD GHOR Nederland", "koepel", "NL", "Utrecht"),
    ("MantelzorgNL", "vereniging", "NL", "Utrecht"),
    ("Woonbond", "vereniging", "NL", "Amsterdam"),
    ("KBO-PCOB", "vereniging", "NL", "Utrecht"),
    ("Vlaams Patiëntenplatform", "vereniging", "BE", "Leuven"),
    ("Samenlevingsopbouw Brussel", "welzijnsorganisatie", "BE", "Brussel"),
    ("Kenniscentrum Sport & Bewegen", "kenniscentrum", "NL", "Ede"),
    ("Zorginstituut Nederland", "overheid", "NL", "Diemen"),
)

# Name patterns per organisation kind. Slots: {city} a municipality, {region} a region across
# municipalities, {province}, {house} a house name, {surname}, {subject} a subject in title case.
ORGANISATION_PATTERNS = {
    "zorgaanbieder": (
        "Zorggroep {region}", "Thuiszorg {city}", "GGZ {region}", "Stichting Zorgcentra {region}",
        "Woonzorgcentrum {house}", "Zorgcentrum {house}", "Wijkverpleging {city}",
        "Huisartsen {city}", "Zorgcoöperatie {city}", "{house} Zorg", "Ouderenzorg {region}",
        "Gezondheidscentrum {house}", "Zorgboerderij {house}",
    ),
    "welzijnsorganisatie": (
        "Welzijn {city}", "Stichting Welzijn {city}", "Sociaal Werk {city}", "Buurtwerk {city}",
        "Vrijwilligerscentrale {city}", "Dienstencentrum {house}", "MEE {region}",
        "Humanitas {city}", "Wijkteam {city}", "Sociaal Team {city}",
    ),
    "woningcorporatie": (
        "Woonstichting {house}", "{city} Wonen", "Woonbedrijf {city}", "Woonpartners {region}",
        "Woningstichting {city}", "Wooncorporatie {house}", "Woonzorg {region}",
    ),
    "kenniscentrum": (
        "Kenniscentrum {subject}", "Lectoraat {subject}", "Kennisplein {subject}",
        "Expertisecentrum {subject}", "Academische Werkplaats {subject}",
    ),
    "adviesbureau": (
        "{surname} & Partners", "Adviesbureau {surname}", "{surname} Advies", "Bureau {house}",
        "{surname} Procesbegeleiding", "Organisatieadvies {surname}",
    ),
    "koepel": (
        "Branchevereniging {subject}", "Platform {subject}", "Landelijk Netwerk {subject}",
    ),
    "overheid": ("Provincie {province}", "GGD {region}", "Zorgkantoor {region}"),
    "samenwerkingsverband": (
        "Gezond {region}", "Netwerk {subject} {region}", "Health Hub {city}",
        "Regionaal Zorgnetwerk {region}", "Samen Sterk in {city}", "Coalitie {subject} {region}",
        "Zorgzaam {city}", "Alliantie {subject} {region}",
    ),
    "vereniging": (
        "Huurdersvereniging {city}", "Cliëntenraad {city}", "Mantelzorgvereniging {city}",
        "Vereniging {house}", "Bewonersvereniging {house}", "Seniorenvereniging {city}",
    ),
    "overig": ("Stichting {house}", "Coöperatie {house}", "Fonds {subject}"),
}

# How often each kind occurs among generated organisations (municipalities come on top).
ORGANISATION_KIND_WEIGHTS = {
    "zorgaanbieder": 24, "welzijnsorganisatie": 18, "woningcorporatie": 14, "kenniscentrum": 5,
    "adviesbureau": 7, "koepel": 2, "overheid": 3, "samenwerkingsverband": 12, "vereniging": 8,
    "overig": 4,
}

HOUSE_NAMES = (
    "De Linde", "Het Anker", "De Wingerd", "Sint-Jozef", "De Zonnebloem", "Het Baken", "De Horst",
    "Het Spectrum", "De Schakel", "Den Hof", "Het Gasthuis", "De Beuk", "De Meander", "Het Kompas",
    "De Brug", "Het Lichtpunt", "De Eik", "De Vonk", "Het Open Huis", "De Kroon", "Ons Huis",
    "De Regenboog", "Het Veerhuis", "Sint-Vincentius", "De Wilgenhof", "Het Hofje", "De Kade",
    "Het Molenhuis", "De Hoeve", "Sint-Elisabeth", "Het Zonnehuis", "De Boomgaard", "Nieuw Rijck",
)

ORGANISATION_SUBJECTS = (
    "Wonen-Zorg", "Sociaal Domein", "Langdurige Zorg", "Mantelzorg", "Positieve Gezondheid",
    "Dementie", "Wijkgericht Werken", "Eenzaamheid", "Armoede en Schulden", "Jeugd", "Ouderen",
    "Zorg en Technologie", "Inclusie", "Ervaringskennis", "Gezond Leven", "Netwerkzorg",
    "Participatie", "Informele Zorg", "Welzijn op Recept", "Dak- en Thuisloosheid",
)

ORGANISATION_DESCRIPTIONS = (
    "{name} werkt aan {topic} {place}.",
    "{name} zet zich in voor {goal}, samen met {group}.",
    "{name} is partner in {the_compound} en werkt aan {topic}.",
)

# Themes (tags) -----------------------------------------------------------------------------------

# From the most to the least common: the generator gives them a skewed (Zipf-like) weight.
THEMES = (
    "samenwerking", "vertrouwen", "netwerksamenwerking", "wonen en zorg", "mantelzorg",
    "preventie", "eenzaamheid", "sociale basis", "positieve gezondheid", "wijkgericht werken",
    "ouderenzorg", "dementie", "jeugdhulp", "ggz", "langer thuis wonen", "integraal zorgakkoord",
    "gala", "financiering", "regionale samenwerking", "inwonersparticipatie", "vrijwilligers",
    "armoede", "schulden", "beschermd wonen", "maatschappelijke opvang", "dakloosheid",
    "huisvesting", "woningcorporaties", "arbeidsmarkt", "personeelstekort", "digitale zorg",
    "zorgtechnologie", "informele zorg", "leefstijl", "gezondheidsverschillen",
    "kwetsbare ouderen", "jongeren", "wmo", "inkoop", "governance", "leiderschap",
    "meerpartijensamenwerking", "domeinoverstijgend werken", "ervaringsdeskundigheid",
    "wijkteams", "sociaal werk", "huisartsenzorg", "wijkverpleging", "eerstelijnszorg",
    "zorgnetwerken", "woonzorgcentra", "levensloopbestendig wonen", "nieuwe woonvormen",
    "uitstroom", "statushouders", "laaggeletterdheid", "digitale inclusie", "gezonde wijk",
    "kansengelijkheid", "bestaanszekerheid", "energiearmoede", "wachtlijsten", "passende zorg",
    "transformatie", "decentralisaties", "monitoring", "data en privacy", "regiovisie",
    "eigen regie", "zelfredzaamheid", "samen beslissen", "cliëntondersteuning", "respijtzorg",
    "dagbesteding", "zorgboerderijen", "buurtinitiatieven", "burgerinitiatieven",
    "zorgcoöperaties", "noaberschap", "burenhulp", "welzijn op recept", "sociaal vitaal",
    "valpreventie", "ondervoeding", "palliatieve zorg", "levenseinde", "rouw en verlies",
    "dementievriendelijke gemeenschap", "ouderenhuisvesting", "woningaanpassingen",
    "domotica", "beeldzorg", "leefbaarheid", "veiligheid", "huiselijk geweld",
    "kindermishandeling", "jeugdbescherming", "onderwijs en zorg", "kinderopvang",
    "vroegsignalering", "schuldhulpverlening", "bijstand", "participatiewet", "werk en inkomen",
    "dagloon", "sport en bewegen", "gezonde leefstijl", "overgewicht", "middelengebruik",
    "alcohol", "roken", "mentale gezondheid", "suïcidepreventie", "verwarde personen",
    "psychische kwetsbaarheid", "herstelondersteuning", "zorgmijders", "bemoeizorg",
    "verslavingszorg", "licht verstandelijke beperking", "gehandicaptenzorg", "autisme",
    "niet-aangeboren hersenletsel", "chronische ziekte", "mantelzorgwoningen", "kangoeroewonen",
    "knarrenhof", "woongroepen", "hofjeswonen", "geclusterd wonen", "tussenvoorzieningen",
    "housing first", "skaeve huse", "woonwagenbewoners", "arbeidsmigranten", "nieuwkomers",
    "integratie", "diversiteit", "inclusie", "lhbti", "cultuursensitief werken",
    "interculturele zorg", "taal", "gezondheidsvaardigheden", "zorgkosten",
    "zorgverzekeraars", "zorgkantoren", "contractering", "bekostiging", "populatiebekostiging",
    "resultaatgericht financieren", "subsidies", "aanbesteden", "lerend netwerk",
    "kennisdeling", "intervisie", "onderzoek", "evaluatie", "impact meten",
    "maatschappelijke kosten-batenanalyse", "innovatie", "opschaling", "borging",
    "kwartiermaken", "procesbegeleiding", "bestuurlijke samenwerking", "ambtelijke samenwerking",
    "raadsleden", "wethouders", "regiegemeenten", "centrumgemeenten", "provincies",
    "rijksoverheid", "vlaanderen", "brussel", "grensoverschrijdend", "platteland",
    "kleine kernen", "krimpregio's", "stedelijke vernieuwing", "herstructurering",
    "duurzaamheid", "verduurzaming", "klimaatadaptatie", "groen in de wijk", "openbare ruimte",
    "mobiliteit", "vervoer", "toegankelijkheid", "vn-verdrag handicap", "burgerschap",
    "vrijwillige inzet", "maatschappelijke diensttijd", "stages", "opleiding", "werkdruk",
    "zeggenschap", "professionele ruimte", "regelarm werken", "ontschotting", "integrale toegang",
    "één gezin één plan", "casusregie", "multiprobleemgezinnen", "sociaal ontwerp",
    "design thinking", "co-creatie", "bewonersbedrijven", "right to challenge",
    "buurthuizen", "ontmoetingsplekken", "huiskamerprojecten", "repaircafés", "voedselbanken",
    "armoedepact", "kinderarmoede", "jongerenwerk", "straathoekwerk", "opvoedondersteuning",
    "jonge mantelzorgers", "ouderen in de wijk", "zorgzame buurt", "dorpsondersteuners",
    "levensvragen", "zingeving", "geestelijke verzorging", "spiritualiteit", "zorg en veiligheid",
    "thuisbegeleiding", "hulpmiddelen", "woningtoewijzing", "sociale huur", "middenhuur",
    "betaalbaar wonen", "woningbouw", "woonzorgvisie", "zorgvastgoed", "maatschappelijk vastgoed",
    "ouderen en digitalisering", "technologie in de wijk", "e-health", "gegevensuitwisseling",
    "netwerkgeneeskunde", "samenhangende zorg", "juiste zorg op de juiste plek",
    "anderhalvelijnszorg", "acute zorg", "spoedzorg", "ziekenhuiszorg", "revalidatie", "herstel",
    "reablement", "vitaliteit", "gezond ouder worden", "seniorvriendelijke gemeente",
    "jong en oud", "buurtzorg", "zelfsturing", "sociale cohesie", "burgerkracht",
    "sociaal kapitaal", "vertrouwen in de overheid", "hersteloperatie toeslagen",
    "bestaansminimum", "minimabeleid", "kwijtschelding", "echtscheiding en kinderen",
    "jeugd-ggz", "hervormingsagenda jeugd", "passend onderwijs", "thuiszitters",
    "integrale kindcentra", "voorschoolse educatie", "taalontwikkeling", "cultuur en welzijn",
    "kunst en zorg", "muziek en dementie", "natuur en gezondheid", "groene zorg",
    "crèches en kinderdagverblijven", "coöperatief wonen", "cliëntenparticipatie",
)

# Writing ----------------------------------------------------------------------------------------

# A single party, used where a singular subject or object fits.
PARTIES = (
    "de gemeente", "de gemeente", "de gemeente", "de zorgaanbieder", "de woningcorporatie",
    "het wijkteam", "de huisarts", "de wijkverpleegkundige", "de welzijnsorganisatie",
    "het sociaal team", "de zorgverzekeraar", "het zorgkantoor", "de GGD", "de cliëntondersteuner",
    "de opbouwwerker", "de buurtcoach", "de beleidsmedewerker", "de wethouder", "de bestuurder",
    "de huurdersvereniging", "de ouderenadviseur", "het OCMW", "het lokaal dienstencentrum",
    "de thuiszorg", "de kinderopvang", "de vrijwilligerscentrale", "de provincie",
    "de jeugdprofessional", "de corporatie", "de cliënt",
)

# Several parties, used as a plural subject.
GROUPS = (
    "gemeenten en zorgaanbieders", "gemeente, corporatie en zorgaanbieder",
    "zorg en welzijn", "gemeenten", "zorgaanbieders", "woningcorporaties",
    "professionals", "bestuurders", "wijkteams", "huisartsen en wijkverpleegkundigen",
    "welzijnsorganisaties", "partners in de wijk", "zorgverzekeraars en gemeenten",
    "de deelnemers", "geïnteresseerden", "ervaringsdeskundigen", "beleidsmakers",
    "regionale partners", "zorg, welzijn en wonen", "ketenpartners", "netwerkpartners",
    "sociaal werkers", "vrijwilligers", "bewoners", "mantelzorgers",
)

# The people it is all for (a plural object).
RESIDENTS = (
    "inwoners", "bewoners", "cliënten", "mantelzorgers", "ouderen", "jongeren",
    "geïnteresseerden", "ervaringsdeskundigen", "vrijwilligers", "huurders", "patiënten",
    "mensen met dementie", "gezinnen", "mensen met een beperking", "ouders", "statushouders",
    "mensen met schulden", "buurtbewoners", "kwetsbare inwoners", "jonge mantelzorgers",
)

TOPICS = (
    "samenwerking in de wijk", "samenwerking", "samenwerking", "regionale samenwerking",
    "domeinoverstijgende samenwerking", "netwerksamenwerking", "meerpartijensamenwerking",
    "de samenwerking tussen zorg en welzijn", "de zorg thuis", "passende zorg",
    "de zorg voor ouderen", "zorg en ondersteuning", "wonen en zorg", "wonen met zorg",
    "informele zorg", "de inkoop van zorg", "de toegang tot zorg", "zorg dichtbij huis",
    "preventie", "mantelzorgondersteuning", "eenzaamheid onder ouderen", "schuldhulpverlening",
    "de sociale basis", "vroegsignalering", "de uitstroom uit beschermd wonen",
    "de transitie van zorg naar gezondheid", "positieve gezondheid", "langer thuis wonen",
    "de jeugdhulp", "de huisvesting van kwetsbare groepen", "het Integraal Zorgakkoord",
    "het IZA", "het GALA", "het Gezond en Actief Leven Akkoord", "de Wmo", "de ggz",
    "de aanpak van armoede", "de arbeidsmarkt in zorg en welzijn", "dementie in de wijk",
    "het bouwen van nieuwe woonvormen voor ouderen", "het woonzorgcentrum", "de wijkaanpak",
    "de regiovisie", "het lokale gezondheidsbeleid", "ruimte voor burgerinitiatief",
    "het buurtteam",
    "de dagbesteding", "de opvang van dak- en thuislozen", "de zorg voor mensen met dementie",
    "het sociaal domein", "de eerstelijnszorg", "de leefstijlaanpak",
    "de aanpak van gezondheidsachterstanden", "de woonzorgzone", "de ketensamenwerking",
    "de mantelzorg", "inclusie", "de zorg voor jongeren", "ouderenhuisvesting",
)

# What a good collaboration is made of (singular, so that any verb fits).
INGREDIENTS = (
    "vertrouwen", "vertrouwen", "een gedeelde ambitie", "helderheid in afspraken",
    "lef en eigenaarschap", "wederzijds begrip van elkaars belangen", "een gezamenlijke taal",
    "bestuurlijk commitment", "continuïteit in beleid", "geduld", "transparantie",
    "ruimte voor de professional", "meerjarige financiering", "een onafhankelijke kwartiermaker",
    "een gedeeld verhaal", "helderheid over rollen", "een korte lijn naar de wijk",
    "een goede persoonlijke relatie", "een flexibele organisatiestructuur", "een duidelijke regie",
    "gezamenlijke verantwoordelijkheid", "oprechte interesse in de ander",
    "een gedeeld beeld van de opgave", "betrouwbaarheid", "tijd om elkaar te leren kennen",
    "een stevige coalitie", "betrokkenheid van bestuurders", "aandacht voor de eigen identiteit",
    "een heldere visie", "structureel overleg", "een vaste contactpersoon",
    "het perspectief van de cliënt", "financiële ruimte",
)

# What stands in the way (singular, so that any verb fits).
OBSTACLES = (
    "versnipperde financiering", "de verkokering tussen domeinen",
    "het wisselen van contactpersonen", "een carrousel van projecten", "regeldruk",
    "de privacywetgeving", "het personeelstekort", "het verschil in taal en cultuur",
    "het ontbreken van een betaaltitel", "concurrentie tussen aanbieders",
    "kortlopende subsidiëring", "wantrouwen tussen partijen", "een topdown aanpak",
    "onduidelijkheid over verantwoordelijkheden", "te veel overleg",
    "het wegvallen van een trekker", "de aanbestedingsplicht", "de verantwoordingslast",
    "een gebrek aan woningen", "de lengte van de wachtlijsten", "het ontbreken van data",
    "het verschil in belangen", "een krap budget", "politieke onrust",
)

# Actions in verb-last order, so they fit after a modal ("moeten ... maken") and in a
# subordinate clause ("als ze ... maken"). "te" goes before the last word ("te maken"), or where
# a "|" stands: in a separable verb ("los|laten": "los te laten") or before a verb cluster
# ("zelf |laten vertellen": "zelf te laten vertellen").
ACTIONS = (
    "in relaties investeren", "belangen bespreekbaar maken", "elkaar regelmatig ontmoeten",
    "klein beginnen", "de inwoner centraal stellen", "samen de casus doorlopen",
    "een kwartiermaker aan|stellen", "ervaringsdeskundigen betrekken",
    "resultaten zichtbaar maken", "oude werkwijzen los|laten",
    "op verschillende schaalniveaus organiseren", "afspraken in een convenant vast|leggen",
    "de energie vast|houden", "successen vieren", "de tijd voor kennismaking nemen",
    "een gezamenlijke agenda maken", "bestuurders vroeg betrekken",
    "bij elkaar in de keuken kijken",
    "van andere regio's leren", "taken en rollen helder maken", "samen een visie ontwikkelen",
    "de professional ruimte geven", "kijkstages organiseren", "een lerend netwerk op|zetten",
    "gezamenlijk financieren", "de wijk in|gaan", "de cliënt zelf |laten vertellen",
    "de regie bij de inwoner leggen", "een gedeelde taal ontwikkelen", "het gesprek aan|gaan",
    "vanuit de bedoeling werken", "schotten weg|nemen", "met één plan werken",
    "de mantelzorger als partner zien", "data delen", "vertrouwen op|bouwen",
    "eigenaarschap beleggen", "knelpunten snel op|lossen", "verwachtingen uit|spreken",
)

GOALS = (
    "zo lang mogelijk zelfstandig wonen", "een gezonde wijk", "betere zorg en ondersteuning",
    "kortere wachtlijsten", "een sterke sociale basis", "passende zorg dichtbij huis",
    "gezondheidswinst", "minder eenzaamheid", "een inclusieve samenleving",
    "een goede uitstroom uit de opvang", "meer regie voor inwoners", "een duurzame samenwerking",
    "een dementievriendelijke gemeente", "goed en gezond leven", "minder schulden",
    "een thuis voor iedereen", "betaalbare zorg", "een leefbare buurt", "kansengelijkheid",
    "een betere aansluiting tussen zorg en welzijn", "ontlaste mantelzorgers",
)

PLACES = (
    "in de wijk", "in de regio", "in het sociaal domein", "op wijkniveau", "in kleine kernen",
    "in de praktijk", "aan de keukentafel", "over organisatiegrenzen heen", "in de buurt",
    "in de stad", "op het platteland", "in Brussel", "in de eerste lijn", "dicht bij huis",
    "in de gemeente",
)

RESULTS = (
    "meer impact", "betere uitkomsten voor inwoners", "minder bureaucratie",
    "een duurzame samenwerking", "snellere hulp", "meer werkplezier", "minder dubbel werk",
    "een betere doorstroming", "meer vertrouwen", "nieuwe ideeën", "een gedeelde agenda",
    "tevreden cliënten", "een sterker netwerk", "lagere kosten", "meer samenhang",
)

# Compounds, with their article; their parts (wijk, netwerk, samenwerking, zorg, wonen, ...) also
# occur on their own, so search can learn to split them.
COMPOUNDS = (
    ("de", "netwerksamenwerking"), ("de", "meerpartijensamenwerking"),
    ("het", "woonzorgcentrum"), ("het", "wijkteam"), ("de", "wijkverpleegkundige"),
    ("de", "zorgaanbieder"), ("de", "woningcorporatie"), ("het", "samenwerkingsverband"),
    ("de", "samenwerkingsafspraak"), ("de", "mantelzorgondersteuning"), ("het", "buurtteam"),
    ("de", "ketensamenwerking"), ("het", "zorgnetwerk"), ("de", "woonzorgzone"),
    ("het", "zorgvastgoed"), ("het", "wijkgezondheidscentrum"), ("de", "ouderenzorg"),
    ("de", "jeugdhulpverlening"), ("de", "leefstijlinterventie"), ("het", "welzijnswerk"),
    ("het", "opbouwwerk"), ("de", "buurtcoach"), ("de", "wijkaanpak"), ("het", "zorgakkoord"),
    ("de", "gezondheidswinst"), ("de", "regiovisie"), ("het", "regioplan"),
    ("de", "wijksamenwerking"), ("de", "zorgcoördinatie"), ("het", "woonzorgconcept"),
    ("de", "woonzorgvisie"), ("het", "woonakkoord"), ("de", "huisvestingsopgave"),
    ("het", "netwerkoverleg"), ("de", "netwerkorganisatie"), ("de", "wijkverpleging"),
    ("de", "thuiszorgorganisatie"), ("het", "zorgkantoor"), ("de", "zorgverzekeraar"),
    ("de", "gemeentegrens"), ("het", "gemeentebestuur"), ("de", "samenwerkingsrelatie"),
    ("de", "samenwerkingspartner"), ("het", "samenwerkingsconvenant"),
    ("de", "domeinoverstijgende aanpak"), ("de", "zorgvraag"), ("de", "hulpvraag"),
    ("de", "ondersteuningsvraag"), ("het", "keukentafelgesprek"), ("de", "wooncoöperatie"),
    ("de", "zorgcoöperatie"), ("de", "dorpscoöperatie"), ("het", "buurthuis"),
    ("de", "buurtkamer"), ("het", "wijkcentrum"), ("de", "welzijnsorganisatie"),
    ("de", "gezondheidsachterstand"), ("de", "bestaanszekerheid"), ("de", "mantelzorgwoning"),
    ("de", "kangoeroewoning"), ("het", "levensloopbestendig wonen"), ("de", "seniorenwoning"),
    ("de", "zorgwoning"), ("de", "woonvoorziening"), ("de", "dagbestedingslocatie"),
    ("de", "ketenaanpak"), ("het", "regieteam"), ("de", "casusregisseur"),
    ("de", "wijkregisseur"), ("het", "sociaalteam-overleg"), ("de", "kwartiermaker"),
    ("de", "praktijkondersteuner"), ("de", "ouderenadviseur"), ("de", "jeugdprofessional"),
    ("het", "inkoopbeleid"), ("de", "inkoopstrategie"), ("de", "subsidieregeling"),
    ("de", "betaaltitel"), ("de", "populatiebekostiging"), ("het", "zorgpad"),
)

# The long tail: words that occur in a small share of the takeaways.
RARE_WORDS = (
    "knarrenhof", "kangoeroewoning", "mantelzorgwoning", "woonwagenkamp", "zorgboerderij",
    "dorpsondersteuner", "buurtkamer", "repaircafé", "ontmoetingscentrum", "logeerhuis",
    "respijtzorg", "domotica", "beeldbellen", "valpreventie", "woningaanpassing", "traplift",
    "levensloopbestendigheid", "hospice", "inloophuis", "voedselbank", "schuldenrust",
    "budgetcoaching", "straatadvocaat", "buurtbemiddeling", "zorgcoöperatie", "wooncoöperatie",
    "tussenvoorziening", "nachtopvang", "dakloosheid", "statushouders", "laaggeletterdheid",
    "energiearmoede", "tochtstrips", "energiecoach", "klussendienst", "boodschappendienst",
    "maaltijdservice", "personenalarmering", "leefstijlcoach", "beweegmakelaar",
    "buurtsportcoach", "welzijnscoach", "sociaal makelaar", "wijkconciërge", "huismeester",
    "buurtconciërge", "kerkgemeenschap", "moskee", "sportvereniging", "speeltuinvereniging",
    "ouderensoos", "mantelzorgcafé", "alzheimercafé", "inloopochtend", "taalcafé",
    "taalmaatje", "maatjesproject", "buddyproject", "vriendendienst", "burenhulpapp",
    "zorgbemiddelaar", "cliëntenraad", "huurderscommissie", "bewonerscommissie",
    "dorpsraad", "wijkraad", "adviesraad", "klankbordgroep", "denktank", "broedplaats",
    "proeftuin", "werkplaats", "leeromgeving", "academische werkplaats", "hogeschoollectoraat",
    "crèche", "peuterspeelzaal", "naschoolse opvang", "consultatiebureau", "jeugdarts",
    "schoolmaatschappelijk werk", "leerplichtambtenaar", "jongerencoach", "straathoekwerker",
    "jongerenwerker", "gezinscoach", "opvoedpoli", "kinderboerderij", "speelnatuur",
    "ommetje", "beweegtuin", "jeu-de-boulesbaan", "moestuin", "pluktuin", "voedselbos",
    "buurtmaaltijd", "eettafel", "soepkar", "koffieochtend", "kerstdiner", "buurtfeest",
    "straatfeest", "burendag", "wijkschouw", "buurtpreventie", "whatsappgroep",
    "pleegzorg", "gezinshuis", "kamertraining", "begeleid wonen", "beschermde woonvorm",
    "skaeve huse", "housing first", "flexwonen", "tiny house", "woonunit", "hospitawonen",
    "woningdelen", "generatiewonen", "meergeneratiewoning", "hofjeswoning", "zorgappartement",
    "aanleunwoning", "serviceflat", "verzorgingshuis", "kleinschalig wonen", "groepswonen",
    "zorgvilla", "dementiedorp", "herstelacademie", "zelfregiecentrum", "herstelcafé",
    "inloop-ggz", "crisiskaart", "signaleringsplan", "familievertrouwenspersoon",
    "cliëntvertrouwenspersoon", "ombudsman", "klachtencommissie", "geschillencommissie",
    "meldpunt", "zorgloket", "wmo-loket", "sociaal loket", "sociaal huis", "huis van het kind",
    "centrum voor jeugd en gezin", "eerstelijnszone", "zorgraad", "burgemeestersoverleg",
    "regiotafel", "gezondheidstafel", "stuurgroep", "kernteam", "programmaraad",
    "intentieverklaring", "convenant", "raamovereenkomst", "dienstverleningsovereenkomst",
    "bestuursopdracht", "startnotitie", "nulmeting", "effectmeting", "dashboard",
    "wijkscan", "buurtprofiel", "gezondheidsmonitor", "burgerpeiling", "cliëntervaringsonderzoek",
    "klanttevredenheid", "prestatieafspraken", "woonvisie", "huisvestingsverordening",
    "urgentieregeling", "doorstroomregeling", "seniorenmakelaar", "verhuiscoach",
    "woonconsulent", "wooncoach", "huurachterstand", "vroegsignaleringsoverleg",
    "beslagvrije voet", "schuldsanering", "budgetbeheer", "formulierenbrigade",
    "thuisadministratie", "ouderenmishandeling", "mantelzorgcompliment", "respijtvoorziening",
    "dagopvang", "nachtzorg", "casemanager dementie", "ontmoetingsgroep", "zorgtrajectbegeleider",
    "dementieconsulent", "palliatief netwerk", "vrijwillige terminale zorg", "rouwgroep",
    "levensboek", "zingevingsgesprek", "geestelijk verzorger", "pastoraal werker", "reünie",
    "café", "coöperatie", "ideeënbus", "efficiëntie", "naïviteit", "casuïstiek",
    "hamsterkooi", "fietsmaatje", "duofiets", "belbus", "buurtbus", "deeltaxi", "regiotaxi",
    "scootmobiel", "rolstoelpad", "drempelvrij", "rookvrije generatie", "watertappunt",
    "schoolgezondheidsbeleid", "gezonde schoolkantine", "jongerenraad", "kinderraad",
)

# Connectives that join a takeaway's second sentence to its first.
FOLLOW_UPS = (
    "Dat kost tijd, maar het loont.",
    "Denk bijvoorbeeld aan het project ‘{rare}’.",
    "Dat bleek onder meer bij het project ‘{rare}’.",
    "Zo ontstaat {result}.",
    "De casus uit {city} laat zien hoe dat werkt.",
    "Begin klein en bouw stap voor stap verder.",
    "Daarbij helpt {ingredient}.",
    "Ook {residents} merken het verschil.",
    "Vooral voor {residents} maakt dat verschil.",
    "Dat vraagt wel iets van de gemeente als opdrachtgever.",
    "Samenwerking is dan geen extra taak, maar onderdeel van het werk.",
    "In {city} werkt men zo al een aantal jaar.",
    "Zorg en welzijn moeten daarvoor over hun eigen schotten heen kijken.",
    "Een voorbeeld is {the_compound} in {city}.",
    "Het project ‘{rare}’ in {city} werd vaak genoemd.",
    "Dat maakt de samenwerking met de gemeente sterker.",
    "Dat geldt voor de gemeente net zo goed als voor de zorg.",
    "Zo blijft de samenwerking ook overeind als mensen vertrekken.",
)

# The first sentence of a takeaway. Slots: {party}, {other_party}, {group}, {residents}, {topic},
# {ingredient}, {other_ingredient}, {obstacle}, {action} (verb last), {action_te} (with "te"),
# {goal}, {place}, {result}, {the_compound}, {city}.
TAKEAWAY_TEMPLATES = (
    "De basis voor {topic} {place} is {ingredient}.",
    "Samenwerking tussen {party} en {other_party} vraagt om {ingredient}.",
    "Wie {topic} wil verbeteren, moet eerst {action}.",
    "Zonder {ingredient} blijft {topic} een papieren werkelijkheid.",
    "{obstacle} remt {topic}, maar {action} helpt om dat te doorbreken.",
    "Betrek {residents} vanaf het begin bij {topic}: dat levert {result} op.",
    "Investeer in vertrouwen tussen {party} en {other_party}, want dat maakt {topic} duurzaam.",
    "In de zorg werkt {topic} alleen als {group} {action}.",
    "{group} moeten {action} om {goal} te bereiken.",
    "Het helpt om {action_te} voordat je aan {topic} begint.",
    "{topic} vraagt om {ingredient} en om {other_ingredient}.",
    "Een gedeelde ambitie van {party} en {other_party} maakt {topic} haalbaar.",
    "De gemeente kan {topic} versterken door {action_te}.",
    "{party} en {other_party} leren elkaar pas echt kennen als ze samen {action}.",
    "Wie {goal} wil bereiken, begint bij {ingredient} en niet bij {other_ingredient}.",
    "{the_compound} werkt alleen met {ingredient} vanaf het begin.",
    "Samenwerken in {the_compound} kost tijd en geduld, maar levert {result} op.",
    "Wat {residents} nodig hebben, hoort centraal te staan in {topic} {place}.",
    "Zorg dat {party} en {other_party} dezelfde taal spreken over {topic}.",
    "Goede zorg voor {residents} {place} begint bij {ingredient}.",
    "De gemeente heeft een regierol in {topic}, maar kan het niet zonder {residents}.",
    "{group} ervaren {obstacle} als grootste belemmering voor {topic}.",
    "Een onafhankelijke kwartiermaker helpt om {topic} {place} van de grond te krijgen.",
    "Door {action_te} groeit het vertrouwen tussen {party} en {other_party}.",
    "Kleine successen vieren houdt de energie in {the_compound} vast, ook bij {obstacle}.",
    "Samenwerking {place} is geen doel op zich, maar een middel voor {goal}.",
    "{obstacle} vraagt om afspraken over {topic} op het niveau van de regio, niet per gemeente.",
    "Laat {residents} zelf vertellen wat {topic} voor hen betekent.",
    (
        "Aan {ingredient} tussen {party} en {other_party} moet je blijven "
        "werken, ook als {topic} goed loopt."
    ),
    "Bij {topic} {place} is het belangrijk dat de cliënt de regie houdt.",
    "Partijen die {action}, merken dat {topic} sneller op gang komt.",
    "Het IZA en het GALA geven {topic} een impuls, maar {group} waren al eerder in beweging.",
    "Financiering is een belemmering voor {topic}, maar voor {goal} is meer mogelijk dan gedacht.",
    "Samen optrekken met {other_party} maakt {topic} minder kwetsbaar.",
    (
        "Een samenwerkingsverband {place} blijft alleen overeind als "
        "{ingredient} blijvend aandacht krijgt."
    ),
    "{topic} slaagt wanneer zorg, welzijn en wonen elkaar {place} vinden.",
    "Elke gemeente zoekt haar eigen weg in {topic}; {action} versnelt dat.",
    "Het gesprek over {topic} gaat beter met {ingredient} aan tafel.",
    "{group} bereiken meer door {action_te} dan door nog een plan te schrijven.",
    "In {city} leidde {the_compound} tot {result}.",
    (
        "Netwerksamenwerking {place} vraagt van {party} dat het eigen belang "
        "soms opzij gaat, zeker bij {topic}."
    ),
    "Zorg en ondersteuning {place} lukken pas als {group} {action}.",
    "De samenwerking tussen {party} en {other_party} groeit met {ingredient}.",
    "{obstacle} maakt {topic} kwetsbaar; {ingredient} maakt het sterker.",
    "Goede samenwerking tussen {party} en {other_party} begint bij {ingredient}.",
    (
        "Samenwerking rond {topic} vraagt dat de gemeente durft los te laten, "
        "zodat {group} ruimte krijgen."
    ),
    "Voor {party} is {topic} een kans om de samenwerking met {other_party} te versterken.",
    "Samenwerking met {residents} maakt {topic} beter, ook als het trager gaat.",
)

# Events ------------------------------------------------------------------------------------------

# Title subjects, as they appear in titles: without an article ("Leerkring sociale basis").
TITLE_SUBJECTS = (
    "meerpartijensamenwerking", "netwerksamenwerking", "wonen en zorg", "sociale basis",
    "samen werken aan IZA en GALA", "vertrouwen in de samenwerking", "positieve gezondheid",
    "langer thuis wonen", "zorg thuis", "eenzaamheid", "mantelzorg", "dementie in de wijk",
    "wijkgericht werken", "regionale samenwerking", "uitstroom uit beschermd wonen",
    "sociaal werk als verbinder", "preventie in het sociaal domein", "schulden en armoede",
    "nieuwe woonvormen", "woonzorgcentra van de toekomst", "inkoop van zorg",
    "ervaringsdeskundigheid", "domeinoverstijgend samenwerken", "gezondheidsverschillen",
    "jeugdhulp in de wijk", "transitie van zorg naar gezondheid", "zorgtechnologie",
    "leefstijl en gezondheid", "huisvesting van kwetsbare groepen", "informele zorg",
    "regiovisies", "samenwerken met corporaties", "wijkteams", "ggz in de wijk",
)

SLOGANS = (
    "Samen werken aan IZA en GALA", "Samenwerken werkt", "Netwerksamenwerking, gewoon doen!",
    "Regisseren zonder macht", "Van denken en praten naar samen doen", "De ideale bocht om",
    "Samenwerkingen verankeren", "Wie betaalt, bepaalt?", "De wijk als vertrekpunt",
    "Langer thuis, samen thuis", "Geen zorg zonder welzijn", "Thuis in de buurt",
    "Eén gezin, één plan", "Over schotten heen", "Samen sterk in de wijk", "Gewoon beginnen",
    "Van ego naar eco", "De kracht van het netwerk", "Vertrouwen als vertrekpunt", "Zorg dichtbij",
    "Iedereen doet mee", "Wonen is de basis", "Niemand tussen wal en schip",
    "Het kan wél", "Durf te delen", "Leren van elkaar",
)

CHANGES = (
    ("zorg", "gezondheid"), ("project", "structurele samenwerking"), ("praten", "samen doen"),
    ("plan", "uitvoering"), ("losse initiatieven", "een regionale aanpak"), ("aanbod", "vraag"),
    ("controle", "vertrouwen"), ("ego", "eco"), ("pilot", "praktijk"), ("convenant", "cultuur"),
    ("wachtlijst", "wijk"), ("systeem", "mens"),
)

# Per event kind (slug): title patterns. Slots: {subject} {slogan} {party}
# {other_party} {region} {year} {change_from} {change_to} {audience} {action}.
TITLE_TEMPLATES = {
    "webinar": (
        "Webinar: {subject}", "Webinar: vertrouwen tussen {party} en {other_party}",
        "Webinar ‘{slogan}’", "Webinar {subject} in de praktijk",
        "Webinar: wat werkt bij {subject}?",
    ),
    "leerkring": (
        "Leerkring {subject}", "Leerkring {subject} in de wijk", "Leerkring {subject} {region}",
        "Leerkring ‘{slogan}’",
    ),
    "netwerkmoment": (
        "Netwerkmoment {subject}", "Intersectoraal netwerkmoment {region}",
        "Netwerkmoment ‘{slogan}’", "Netwerkbijeenkomst {subject} {region}",
    ),
    "kennisatelier": (
        "Kennisatelier: van {change_from} naar {change_to}", "Kennisatelier {subject}",
        "Kennisatelier {subject} voor gemeenten",
    ),
    "praktijklab": (
        "Praktijklab {subject}", "Praktijklab {subject} in {region}", "Praktijklab ‘{slogan}’",
    ),
    "congres": (
        "Congres {subject} {year}", "Jaarcongres ‘{slogan}’", "Landelijk congres {subject}",
        "Congres: van {change_from} naar {change_to}",
    ),
    "werksessie": (
        "Werksessie {subject} voor {audience}", "Werksessie: {action} ({region})",
        "Werksessie {subject}",
    ),
}

# For event kinds editors added themselves: "{kind}" is the kind's name.
GENERIC_TITLE_TEMPLATES = ("{kind}: {subject}", "{kind} ‘{slogan}’", "{kind} {subject} {region}")

# "dit webinar", "deze leerkring": how a summary refers to an event of each kind.
KIND_REFERENCES = {
    "webinar": "dit webinar", "leerkring": "deze leerkring", "netwerkmoment": "dit netwerkmoment",
    "kennisatelier": "dit kennisatelier", "praktijklab": "dit praktijklab",
    "congres": "dit congres", "werksessie": "deze werksessie",
}
GENERIC_KIND_REFERENCE = "deze bijeenkomst"

# How often each kind occurs, and how many sessions an event of that kind has (low, high).
KIND_WEIGHTS = {
    "webinar": 30, "leerkring": 12, "netwerkmoment": 16, "kennisatelier": 10, "praktijklab": 8,
    "congres": 6, "werksessie": 18,
}
KIND_SESSIONS = {
    "webinar": (0, 2), "leerkring": (2, 4), "netwerkmoment": (0, 2), "kennisatelier": (1, 3),
    "praktijklab": (1, 3), "congres": (3, 6), "werksessie": (0, 2),
}
ONLINE_KINDS = ("webinar",)

SUMMARY_TEMPLATES = (
    "In {reference} wisselden {count} geïnteresseerden ideeën uit over {topic}.",
    "Hoe kom je tot {goal}? In {reference} zochten {group} samen naar antwoorden.",
    "{group} deelden ervaringen met {topic} en bespraken wat {ingredient} daarvoor vraagt.",
    "Over {topic} {place}: wat werkt, wat niet, en wat vraagt dat van de gemeente?",
    "In {reference} stond {topic} centraal, met voorbeelden uit {city} en {other_city}.",
    "Een verslag van {reference} over {topic}, met lessen voor zorg, welzijn en wonen.",
)

BODY_OPENINGS = (
    "Een van de grootste uitdagingen is {obstacle}.",
    "Er werd benadrukt dat samenwerking {place} begint bij {ingredient}.",
    "{count} deelnemers uit zorg, welzijn en wonen waren aanwezig.",
    "Het gesprek werd ingestoken vanuit casuïstiek uit {city} en {other_city}.",
    "De deelnemers werkten in groepen aan een casus over {topic}.",
)

SESSION_TITLES = (
    "Opening en welkom", "Keynote: {subject}", "Workshop {subject}", "Panelgesprek over {topic}",
    "Casus {city}: {subject}", "Rondetafel over {subject}", "Sessie over {subject}",
    "Afsluiting en vooruitblik", "Pitches uit de praktijk", "In gesprek met {residents}",
    "Verdiepingssessie over {subject}", "Intervisie: {subject}",
)

AUDIENCES = (
    "uitsluitend gemeenteambtenaren, hoogstens twee per gemeente",
    "voor professionals in wonen, welzijn en zorg",
    "voor bestuurders en managers", "alleen voor leden", "gratis voor leden, € 95 voor niet-leden",
    "voor beleidsmedewerkers sociaal domein", "voor wijkprofessionals",
    "voor ervaringsdeskundigen en mantelzorgers", "voor raadsleden en wethouders",
)

# Who a working session is for (in titles: "Werksessie ... voor {audience}").
TITLE_AUDIENCES = (
    "gemeenten", "corporaties", "zorgaanbieders", "wijkteams", "bestuurders", "raadsleden",
    "beleidsmakers", "sociaal werkers", "huisartsen", "mantelzorgconsulenten",
)

ROLE_WEIGHTS = {"spreker": 60, "panellid": 20, "moderator": 8, "dagvoorzitter": 5,
                "afsluiter": 3, "organisator": 4}

# Series and publications ----------------------------------------------------------------------

SERIES_TEMPLATES = (
    "Webinarreeks over {subject}", "Leerkringen {subject}", "Kennisateliers over {subject}",
    "Netwerkmomenten {region}", "Praktijklabs {subject}", "Reeks ‘{slogan}’",
    "Werksessies over {subject}", "Dialoogtafels over {subject}",
)

SERIES_DESCRIPTIONS = (
    "Een reeks bijeenkomsten over {subject} voor {audience}.",
    "In deze reeks leren {group} van elkaar over {subject}.",
    "Bijeenkomsten over {subject}: praktijkvoorbeelden, intervisie en nieuwe inzichten.",
)

PUBLICATION_KIND_WEIGHTS = {"whitepaper": 2, "cahier": 2, "artikel": 5, "interview": 3}

PUBLICATION_TITLES = {
    "whitepaper": (
        "{slogan}", "Regionaal samen werken aan {goal}", "{subject}: lessen uit de praktijk",
        "Handelingsperspectieven voor {subject}",
    ),
    "cahier": (
        "Cahier ‘{slogan}’", "Cahier {subject}", "Cahier: van {change_from} naar {change_to}",
    ),
    "artikel": (
        "{subject}, gewoon doen!", "Zo wordt {subject} duurzaam", "Wat werkt bij {subject}?",
        "Vijf lessen over {subject}", "{subject}: {slogan}",
    ),
    "interview": (
        "In gesprek met {person} over {subject}", "{person}: ‘{slogan}’",
        "‘{slogan}’: {person} over {subject}",
    ),
}

PUBLICATION_PATHS = {
    "whitepaper": "publicaties", "cahier": "cahiers", "artikel": "artikelen",
    "interview": "interviews",
}
