import Testing
import TruceCore

@Suite("Region and sea names resolve to their codes")
struct RegionTests {
    @Test(
        "Russian regions resolve by English name, transliteration, Russian and Ukrainian names, with or without Oblast",
        arguments: [
            ("RU-KRS", ["Kursk", "Kursk Oblast", "Kurskaya oblast'", "Курская область", "Курська область", "RU-KRS"]),
            ("RU-BEL", ["Belgorod", "Belgorod Oblast", "Belgorodskaya", "Белгородская область", "Бєлгородська область", "Білгородська"]),
            ("RU-SAR", ["Saratov", "Saratov Oblast", "Saratovskaya Oblast", "Саратовская область", "Саратовська область"]),
            ("RU-KDA", ["Krasnodar Krai", "Krasnodarskiy kray", "Краснодарский край", "Краснодарський край", "Kuban"]),
            ("RU-TA", ["Tatarstan", "Republic of Tatarstan", "Республика Татарстан", "Республіка Татарстан"]),
            ("RU-SE", ["North Ossetia-Alania", "North Ossetia – Alania", "North Ossetia Alania", "Северная Осетия — Алания"]),
            ("RU-KHM", ["Khanty-Mansi Autonomous Okrug", "Khanty Mansi", "Yugra", "Ханты-Мансийский автономный округ"]),
            ("RU-YEV", ["Jewish Autonomous Oblast", "Еврейская автономная область"]),
            ("RU-ORL", ["Oryol", "Orel", "Орловская область"]),
            ("RU-SPE", ["Saint Petersburg", "St. Petersburg", "Санкт-Петербург"]),
            ("RU-LEN", ["Leningrad Oblast", "Leningradskaya", "Ленинградская область"]),
        ])
    func russianRegions(code: String, names: [String]) {
        for name in names { #expect(Regions.code(forName: name) == code, "\(name)") }
    }

    @Test("Moscow the city and Moscow Oblast stay apart")
    func moscowCityAndOblast() {
        #expect(Regions.code(forName: "Moscow") == "RU-MOW")
        #expect(Regions.code(forName: "Москва") == "RU-MOW")
        #expect(Regions.code(forName: "Moscow Oblast") == "RU-MOS")
        #expect(Regions.code(forName: "Moscow oblast'") == "RU-MOS")
        #expect(Regions.code(forName: "Московская область") == "RU-MOS")
        #expect(Regions.code(forName: "Altai Republic") == "RU-AL")
        #expect(Regions.code(forName: "Altai Krai") == "RU-ALT")
    }

    @Test(
        "DPR and LPR names refer to the Donetsk and Luhansk oblasts of Ukraine",
        arguments: [
            (
                "UA-14",
                [
                    "Donetsk People's Republic", "Donetsk People’s Republic", "DPR", "DNR", "ДНР", "Донецкая Народная Республика",
                    "Донецька Народна Республіка",
                ]
            ),
            (
                "UA-09",
                [
                    "Luhansk People's Republic", "Lugansk People's Republic", "LPR", "LNR", "ЛНР", "Луганская Народная Республика",
                    "Луганська Народна Республіка",
                ]
            ),
        ])
    func selfProclaimedRepublics(code: String, names: [String]) {
        for name in names { #expect(Regions.code(forName: name) == code, "\(name)") }
        #expect(Regions.place(country: "UA", admin1: names[0], isIn: code))
    }

    @Test("Crimea and Sevastopol are Ukrainian regions under any of their names")
    func crimeaAndSevastopol() {
        for name in ["Crimea", "Republic of Crimea", "Республика Крым", "Автономна Республіка Крим"] {
            #expect(Regions.code(forName: name) == "UA-43", "\(name)")
        }
        for name in ["Sevastopol", "город Севастополь", "Sevastopol Special Republican City"] {
            #expect(Regions.code(forName: name) == "UA-40", "\(name)")
        }
    }

    @Test("every federal subject of Russia is known, and every listed name names its own region")
    func tableIsComplete() {
        let russian = Regions.codes.filter { $0.hasPrefix("RU-") }
        #expect(russian.count == 83)
        #expect(Regions.codes.filter { $0.hasPrefix("UA-") }.count == 27)
        for code in Regions.codes {
            #expect(Regions.code(forName: code) == code)
            #expect(Regions.englishName(of: code) == Regions.names(of: code).first)
            for name in Regions.names(of: code) { #expect(Regions.code(forName: name) == code, "\(code): \(name)") }
        }
    }

    @Test("seas resolve by identifier and by name; nonsense does not")
    func seas() {
        #expect(Seas.isKnown("black_sea") && Seas.isKnown("sea_of_azov") && Seas.isKnown("red_sea"))
        #expect(!Seas.isKnown("nonsense_sea"))
        #expect(Seas.identifier(forName: "Black Sea") == "black_sea")
        #expect(Seas.identifier(forName: "Азовское море") == "sea_of_azov")
        #expect(Seas.identifier(forName: "nonsense sea") == nil)
        #expect(Seas.englishName(of: "kerch_strait") == "Kerch Strait")
    }
}
