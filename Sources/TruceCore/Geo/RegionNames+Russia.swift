extension Regions {
    /// The federal subjects of Russia by ISO 3166-2:RU code: republics, krais, oblasts, the federal cities of
    /// Moscow and Saint Petersburg, the autonomous oblast and the autonomous okrugs. Each has its English name,
    /// common transliterations, its Russian name, and a Ukrainian name for the regions Ukrainian sources report on.
    /// GDELT's region names (from the GNS, such as "Respublika Tatarstan") are among the transliterations.
    /// Crimea and Sevastopol are Ukrainian regions (`UA-43`, `UA-40`); see `ukraine`.
    static let russia: [String: [String]] = [
        // Federal cities. Bare "Moscow" is the city; the oblast is "Moscow Oblast" or "Moskovskaya".
        "RU-MOW": [
            "Moscow", "Moscow City", "City of Moscow", "Moskva", "Москва", "город Москва", "місто Москва",
            "Gorod Moskva",
        ],
        "RU-SPE": [
            "Saint Petersburg", "St. Petersburg", "St Petersburg", "Sankt-Peterburg", "Санкт-Петербург",
            "Gorod Sankt-Peterburg",
        ],
        // Republics.
        "RU-AD": [
            "Adygea", "Adygeya", "Republic of Adygea", "Adygeya Republic", "Адыгея", "Республика Адыгея", "Адигея",
            "Respublika Adygeya",
        ],
        "RU-AL": [
            "Altai Republic", "Altay Republic", "Republic of Altai", "Gorno-Altai", "Республика Алтай",
            "Республіка Алтай", "Respublika Altay",
        ],
        "RU-BA": [
            "Bashkortostan", "Bashkiria", "Bashkiriya", "Republic of Bashkortostan", "Башкортостан",
            "Республика Башкортостан", "Башкирия", "Башкирія", "Respublika Bashkortostan",
        ],
        "RU-BU": [
            "Buryatia", "Buryatiya", "Republic of Buryatia", "Бурятия", "Республика Бурятия", "Бурятія",
            "Respublika Buryatiya",
        ],
        "RU-CE": [
            "Chechnya", "Chechen Republic", "Chechenskaya Respublika", "Chechnia", "Чечня", "Чеченская Республика",
            "Чеченська Республіка",
        ],
        "RU-CU": [
            "Chuvashia", "Chuvashiya", "Chuvash Republic", "Chuvashskaya Respublika", "Чувашия",
            "Чувашская Республика", "Чувашія",
        ],
        "RU-DA": [
            "Dagestan", "Daghestan", "Republic of Dagestan", "Дагестан", "Республика Дагестан",
            "Respublika Dagestan",
        ],
        "RU-IN": [
            "Ingushetia", "Ingushetiya", "Republic of Ingushetia", "Ингушетия", "Республика Ингушетия", "Інгушетія",
            "Respublika Ingushetiya",
        ],
        "RU-KB": [
            "Kabardino-Balkaria", "Kabardino-Balkariya", "Kabardino-Balkar Republic",
            "Kabardino-Balkarskaya Respublika", "Кабардино-Балкария", "Кабардино-Балкарская Республика",
            "Кабардино-Балкарія",
        ],
        "RU-KL": [
            "Kalmykia", "Kalmykiya", "Republic of Kalmykia", "Калмыкия", "Республика Калмыкия", "Калмикія",
            "Respublika Kalmykiya",
        ],
        "RU-KC": [
            "Karachay-Cherkessia", "Karachayevo-Cherkessiya", "Karachay-Cherkess Republic",
            "Karachayevo-Cherkesskaya Respublika", "Карачаево-Черкесия", "Карачаево-Черкесская Республика",
            "Карачаєво-Черкесія",
        ],
        "RU-KR": [
            "Karelia", "Kareliya", "Republic of Karelia", "Карелия", "Республика Карелия", "Карелія",
            "Respublika Kareliya",
        ],
        "RU-KO": [
            "Komi", "Komi Republic", "Republic of Komi", "Коми", "Республика Коми", "Республіка Комі",
            "Respublika Komi",
        ],
        "RU-ME": [
            "Mari El", "Mariy El", "Mari El Republic", "Republic of Mari El", "Марий Эл", "Республика Марий Эл",
            "Марій Ел", "Respublika Mariy-El",
        ],
        "RU-MO": [
            "Mordovia", "Mordoviya", "Republic of Mordovia", "Мордовия", "Республика Мордовия", "Мордовія",
            "Respublika Mordoviya",
        ],
        "RU-SA": [
            "Sakha", "Yakutia", "Yakutiya", "Sakha Republic", "Republic of Sakha", "Sakha (Yakutia)", "Саха",
            "Якутия", "Республика Саха (Якутия)", "Якутія", "Respublika Sakha (Yakutiya)", "Respublika Sakha",
        ],
        "RU-SE": [
            "North Ossetia", "North Ossetia-Alania", "North Ossetia–Alania", "Severnaya Osetiya",
            "Severnaya Osetiya-Alaniya", "Republic of North Ossetia-Alania", "Северная Осетия",
            "Северная Осетия — Алания", "Республика Северная Осетия — Алания", "Північна Осетія",
            "Respublika Severnaya Osetiya-Alaniya",
        ],
        "RU-TA": [
            "Tatarstan", "Republic of Tatarstan", "Tatariya", "Татарстан", "Республика Татарстан",
            "Республіка Татарстан", "Respublika Tatarstan",
        ],
        "RU-TY": [
            "Tuva", "Tyva", "Tuva Republic", "Republic of Tuva", "Тыва", "Тува", "Республика Тыва", "Тива",
            "Respublika Tyva",
        ],
        "RU-UD": [
            "Udmurtia", "Udmurtiya", "Udmurt Republic", "Udmurtskaya Respublika", "Удмуртия",
            "Удмуртская Республика", "Удмуртія",
        ],
        "RU-KK": [
            "Khakassia", "Khakasiya", "Khakasia", "Republic of Khakassia", "Хакасия", "Республика Хакасия",
            "Хакасія", "Respublika Khakasiya",
        ],
        // Krais. Normalising drops "Krai", so "Altai Krai" reads as "Altai"; the republic keeps its longer names.
        "RU-ALT": ["Altai Krai", "Altay Krai", "Altayskiy", "Altaisky", "Altai Territory", "Алтайский", "Алтайський"],
        "RU-ZAB": [
            "Zabaykalsky", "Zabaykalskiy", "Zabaykalsky Krai", "Transbaikal", "Zabaikalsky", "Забайкальский",
            "Забайкальський",
        ],
        "RU-KAM": ["Kamchatka", "Kamchatskiy", "Kamchatsky", "Камчатский", "Камчатка", "Камчатський"],
        "RU-KDA": ["Krasnodar", "Krasnodarsky", "Krasnodarskiy", "Kuban", "Краснодарский", "Краснодарський", "Кубань"],
        "RU-KYA": ["Krasnoyarsk", "Krasnoyarskiy", "Krasnoyarsky", "Красноярский", "Красноярський"],
        "RU-PER": ["Perm", "Permskiy", "Permsky", "Пермский", "Пермський"],
        "RU-PRI": ["Primorsky", "Primorskiy", "Primorye", "Primorsky Krai", "Приморский", "Приморье", "Приморський"],
        "RU-STA": ["Stavropol", "Stavropolskiy", "Stavropolsky", "Ставропольский", "Ставропольський"],
        "RU-KHA": ["Khabarovsk", "Khabarovskiy", "Khabarovsky", "Хабаровский", "Хабаровський"],
        // Oblasts.
        "RU-AMU": ["Amur", "Amurskaya", "Амурская", "Амурська"],
        "RU-ARK": ["Arkhangelsk", "Arkhangelskaya", "Archangel", "Архангельская", "Архангельська"],
        "RU-AST": ["Astrakhan", "Astrakhanskaya", "Астраханская", "Астраханська"],
        "RU-BEL": ["Belgorod", "Belgorodskaya", "Bilhorod", "Белгородская", "Бєлгородська", "Білгородська"],
        "RU-BRY": ["Bryansk", "Bryanskaya", "Briansk", "Брянская", "Брянська"],
        "RU-VLA": ["Vladimir", "Vladimirskaya", "Владимирская", "Владимирська"],
        "RU-VGG": ["Volgograd", "Volgogradskaya", "Волгоградская", "Волгоградська"],
        "RU-VLG": ["Vologda", "Vologodskaya", "Вологодская", "Вологодська"],
        "RU-VOR": ["Voronezh", "Voronezhskaya", "Воронежская", "Воронезька"],
        "RU-IVA": ["Ivanovo", "Ivanovskaya", "Ивановская", "Іванівська"],
        "RU-IRK": ["Irkutsk", "Irkutskaya", "Иркутская", "Іркутська"],
        "RU-KGD": ["Kaliningrad", "Kaliningradskaya", "Калининградская", "Калінінградська"],
        "RU-KLU": ["Kaluga", "Kaluzhskaya", "Калужская", "Калузька"],
        "RU-KEM": [
            "Kemerovo", "Kemerovskaya", "Kuzbass", "Kemerovo Oblast - Kuzbass", "Кемеровская", "Кузбасс",
            "Кемеровська",
        ],
        "RU-KIR": ["Kirov", "Kirovskaya", "Кировская", "Кіровська"],
        "RU-KOS": ["Kostroma", "Kostromskaya", "Костромская", "Костромська"],
        "RU-KGN": ["Kurgan", "Kurganskaya", "Курганская", "Курганська"],
        "RU-KRS": ["Kursk", "Kurskaya", "Курская", "Курська"],
        "RU-LEN": ["Leningrad", "Leningradskaya", "Ленинградская", "Ленінградська"],
        "RU-LIP": ["Lipetsk", "Lipetskaya", "Липецкая", "Липецька"],
        "RU-MAG": ["Magadan", "Magadanskaya", "Магаданская", "Магаданська"],
        "RU-MOS": [
            "Moscow Oblast", "Moscow Region", "Moskovskaya", "Moskovskaya Oblast", "Podmoskovye", "Московская",
            "Подмосковье", "Московська",
        ],
        "RU-MUR": ["Murmansk", "Murmanskaya", "Мурманская", "Мурманська"],
        "RU-NIZ": ["Nizhny Novgorod", "Nizhniy Novgorod", "Nizhegorodskaya", "Нижегородская", "Нижньогородська"],
        "RU-NGR": ["Novgorod", "Novgorodskaya", "Новгородская", "Новгородська"],
        "RU-NVS": ["Novosibirsk", "Novosibirskaya", "Новосибирская", "Новосибірська"],
        "RU-OMS": ["Omsk", "Omskaya", "Омская", "Омська"],
        "RU-ORE": ["Orenburg", "Orenburgskaya", "Оренбургская", "Оренбурзька"],
        "RU-ORL": ["Oryol", "Orel", "Orlovskaya", "Орловская", "Орловська"],
        "RU-PNZ": ["Penza", "Penzenskaya", "Пензенская", "Пензенська"],
        "RU-PSK": ["Pskov", "Pskovskaya", "Псковская", "Псковська"],
        "RU-ROS": ["Rostov", "Rostovskaya", "Ростовская", "Ростовська"],
        "RU-RYA": ["Ryazan", "Ryazanskaya", "Рязанская", "Рязанська"],
        "RU-SAM": ["Samara", "Samarskaya", "Самарская", "Самарська"],
        "RU-SAR": ["Saratov", "Saratovskaya", "Саратовская", "Саратовська"],
        "RU-SAK": ["Sakhalin", "Sakhalinskaya", "Сахалинская", "Сахалінська"],
        "RU-SVE": ["Sverdlovsk", "Sverdlovskaya", "Свердловская", "Свердловська"],
        "RU-SMO": ["Smolensk", "Smolenskaya", "Смоленская", "Смоленська"],
        "RU-TAM": ["Tambov", "Tambovskaya", "Тамбовская", "Тамбовська"],
        "RU-TVE": ["Tver", "Tverskaya", "Тверская", "Тверська"],
        "RU-TOM": ["Tomsk", "Tomskaya", "Томская", "Томська"],
        "RU-TUL": ["Tula", "Tulskaya", "Тульская", "Тульська"],
        "RU-TYU": ["Tyumen", "Tyumenskaya", "Тюменская", "Тюменська"],
        "RU-ULY": ["Ulyanovsk", "Ulyanovskaya", "Ульяновская", "Ульяновська"],
        "RU-CHE": ["Chelyabinsk", "Chelyabinskaya", "Челябинская", "Челябінська"],
        "RU-YAR": ["Yaroslavl", "Yaroslavskaya", "Ярославская", "Ярославська"],
        // The autonomous oblast and the autonomous okrugs.
        "RU-YEV": [
            "Jewish Autonomous Oblast", "Jewish Autonomous Region", "Yevreyskaya", "Еврейская автономная",
            "Єврейська автономна", "Yevreyskaya Avtonomnaya Oblast'",
        ],
        "RU-NEN": [
            "Nenets", "Nenets Autonomous Okrug", "Nenetskiy", "Ненецкий автономный округ",
            "Ненецький автономний округ", "Nenetskiy Avtonomnyy Okrug",
        ],
        "RU-KHM": [
            "Khanty-Mansi", "Khanty-Mansiysk", "Khanty-Mansi Autonomous Okrug", "Khanty-Mansiyskiy", "Yugra",
            "Khanty-Mansi Autonomous Okrug – Yugra", "Ханты-Мансийский автономный округ", "Югра",
            "Ханти-Мансійський автономний округ", "Khanty-Mansiyskiy Avtonomnyy Okrug",
        ],
        "RU-CHU": [
            "Chukotka", "Chukotskiy", "Chukotka Autonomous Okrug", "Чукотский автономный округ", "Чукотка",
            "Чукотський автономний округ", "Chukotskiy Avtonomnyy Okrug",
        ],
        "RU-YAN": [
            "Yamalo-Nenets", "Yamalo-Nenetskiy", "Yamalo-Nenets Autonomous Okrug", "Yamal",
            "Ямало-Ненецкий автономный округ", "Ямал", "Ямало-Ненецький автономний округ",
            "Yamalo-Nenetskiy Avtonomnyy Okrug",
        ],
    ]
}
