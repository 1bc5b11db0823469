extension Regions {
    /// The oblasts, cities with special status and the autonomous republic of Ukraine, by ISO 3166-2:UA code.
    ///
    /// Truce is neutral and uses internationally recognised borders for geography: Crimea and Sevastopol are
    /// Ukrainian regions here, and the names of the self-proclaimed "Donetsk People's Republic" and "Luhansk
    /// People's Republic" (DPR/DNR, LPR/LNR) refer to the Donetsk and Luhansk oblasts they claim (sources use
    /// them for places in those oblasts). Russian names of the annexation era ("Республика Крым") likewise
    /// name the Ukrainian region. This records where a place is, not who controls it.
    static let ukraine: [String: [String]] = [
        "UA-05": ["Vinnytsia", "Vinnytska", "Vinnitsa", "Вінницька", "Винницкая"],
        "UA-07": ["Volyn", "Volynska", "Volhynia", "Волинська", "Волынская"],
        "UA-09": [
            "Luhansk", "Luhanska", "Lugansk", "Луганська", "Луганская",
            "Luhansk People's Republic", "Lugansk People's Republic", "LPR", "LNR", "Luganskaya Narodnaya Respublika",
            "ЛНР", "Луганская Народная Республика", "Луганська Народна Республіка",
        ],
        "UA-12": [
            "Dnipropetrovsk", "Dnipropetrovska", "Dnepropetrovsk", "Dnipro Oblast", "Дніпропетровська",
            "Днепропетровская",
        ],
        "UA-14": [
            "Donetsk", "Donetska", "Донецька", "Донецкая",
            "Donetsk People's Republic", "DPR", "DNR", "Donetskaya Narodnaya Respublika",
            "ДНР", "Донецкая Народная Республика", "Донецька Народна Республіка",
        ],
        "UA-18": ["Zhytomyr", "Zhytomyrska", "Zhitomir", "Житомирська", "Житомирская"],
        "UA-21": ["Zakarpattia", "Zakarpatska", "Transcarpathia", "Zakarpattya", "Закарпатська", "Закарпатская"],
        "UA-23": ["Zaporizhzhia", "Zaporizka", "Zaporizhia", "Zaporozhye", "Zaporizhzhya", "Запорізька", "Запорожская"],
        "UA-26": ["Ivano-Frankivsk", "Ivano-Frankivska", "Ivano-Frankovsk", "Івано-Франківська", "Ивано-Франковская"],
        // GDELT names the city "Kyyiv, Misto" ("misto": city), so its region reads "Kyyiv".
        "UA-30": [
            "Kyiv City", "Kyyiv", "Kyyiv Misto", "Kiev City", "City of Kyiv", "Kyiv Special Republican City", "Kiev Special Republican City",
            "місто Київ", "город Киев",
        ],
        // Bare "Kyiv" is the oblast, as ACLED's admin1 uses it ("Kyiv City" is the city).
        "UA-32": ["Kyiv", "Kiev", "Kyivska", "Kyyivska", "Київська", "Киевская"],
        "UA-35": ["Kirovohrad", "Kirovohradska", "Kirovograd", "Kropyvnytskyi", "Кіровоградська", "Кировоградская"],
        "UA-40": [
            "Sevastopol", "Sevastopol City", "Sevastopol Misto", "City of Sevastopol", "Sevastopol Special Republican City",
            "Севастополь", "місто Севастополь", "город Севастополь",
        ],
        "UA-43": [
            "Crimea", "Autonomous Republic of Crimea", "Republic of Crimea", "Krym", "Крим", "Крым",
            "Автономна Республіка Крим", "Республика Крым", "Автономная Республика Крым",
        ],
        "UA-46": ["Lviv", "Lvivska", "Lvov", "Львівська", "Львовская"],
        "UA-48": ["Mykolaiv", "Mykolaivska", "Mykolayivska", "Nikolaev", "Nikolayev", "Миколаївська", "Николаевская"],
        "UA-51": ["Odesa", "Odeska", "Odessa", "Одеська", "Одесская"],
        "UA-53": ["Poltava", "Poltavska", "Полтавська", "Полтавская"],
        "UA-56": ["Rivne", "Rivnenska", "Rovno", "Рівненська", "Ровенская"],
        "UA-59": ["Sumy", "Sumska", "Сумська", "Сумская"],
        "UA-61": ["Ternopil", "Ternopilska", "Ternopol", "Тернопільська", "Тернопольская"],
        "UA-63": ["Kharkiv", "Kharkivska", "Kharkov", "Харківська", "Харьковская"],
        "UA-65": ["Kherson", "Khersonska", "Херсонська", "Херсонская"],
        "UA-68": ["Khmelnytskyi", "Khmelnytska", "Khmelnitsky", "Khmelnytskyy", "Хмельницька", "Хмельницкая"],
        "UA-71": ["Cherkasy", "Cherkaska", "Cherkassy", "Черкаська", "Черкасская"],
        "UA-74": ["Chernihiv", "Chernihivska", "Chernigov", "Чернігівська", "Черниговская"],
        "UA-77": ["Chernivtsi", "Chernivetska", "Chernovtsy", "Чернівецька", "Черновицкая"],
    ]
}
