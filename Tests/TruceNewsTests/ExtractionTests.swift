import Foundation
import Testing
import TruceCore
import TruceNews

@Suite("Extracting what news reports state")
struct ExtractionTests {
    static let extractor = NewsExtractor(gazetteer: Gazetteer(places: []))

    /// The items of a one-paragraph English article published at `published` (UTC).
    static func items(_ text: String, published: String = "2025-03-19T08:00:00Z") -> [NewsItem] {
        let article = Article(published: ISO8601DateFormatter().date(from: published)!, text: text, language: .en, file: "test")
        return extractor.extract(article).items
    }

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func incidents(_ text: String, published: String = "2025-03-19T08:00:00Z") -> [IncidentMention] {
        items(text, published: published).compactMap { if case .incident(let incident) = $0 { incident } else { nil } }
    }

    @Test("the speaker is the claimant and the party said to act is the accused, never swapped")
    func accuserAndAccusedStayApart() throws {
        let strike = try #require(Self.incidents("Russian drones struck a substation overnight, Ukraine's energy ministry said.").first)
        #expect(strike.accused == "RU")
        #expect(strike.claimant == "Ukraine's energy ministry" && strike.claimantParty == "UA")
        #expect(strike.action == .droneStrike && strike.target == .energy && strike.targetSubtype == "substation")
        #expect(strike.stance == .assertion)

        let accusation = try #require(
            Self.incidents("Russia's defence ministry accused Ukraine of attacking a gas metering station in Sudzha.").first)
        #expect(accusation.claimantParty == "RU" && accusation.accused == "UA")
        #expect(accusation.targetSubtype == "gas_metering_station")

        let dated = try #require(Self.incidents("Russia's Defense Ministry on Wednesday accused Ukraine of striking an oil depot.").first)
        #expect(dated.claimant == "Russia's Defense Ministry" && dated.accused == "UA")

        let according = try #require(Self.incidents("According to Ukraine's air force, Russia launched 117 drones at energy facilities.").first)
        #expect(according.claimantParty == "UA" && according.accused == "RU")
        #expect(according.aggregateCount == 117)
    }

    @Test("a denial is its own claim: the denier speaks, and is the one said not to have acted")
    func denial() throws {
        let denial = try #require(Self.incidents("The Kremlin denied striking energy facilities in Kherson.").first)
        #expect(denial.stance == .denial && denial.claimantParty == "RU" && denial.accused == "RU")
    }

    @Test("an aggregate stays one claim with its count; casualties are read beside their words")
    func aggregateAndToll() throws {
        let aggregate = Self.incidents("Ukraine said Russia carried out 14 drone attacks on energy facilities in 24 hours.")
        #expect(aggregate.count == 1)
        #expect(aggregate.first?.aggregateCount == 14)
        #expect(aggregate.first?.time?.from == "2025-03-18" && aggregate.first?.time?.to == "2025-03-19")
        let toll = try #require(Self.incidents("A missile hit a residential building, killing two people and injuring 11, officials said.").first)
        #expect(toll.fatalities == 2)
        #expect(toll.injured == 11)
        #expect(toll.action == .missileStrike)
        #expect(toll.targetSubtype == "residential")
    }

    @Test("relative times are read from publication, in the zone of the text, across midnight")
    func relativeTimes() throws {
        // Published 23:30 UTC on 18 March: already 19 March in Kyiv, so "yesterday" there is 18 March.
        let yesterday = try #require(
            Self.incidents("Russian missiles hit a power plant yesterday, Ukraine's military said.", published: "2025-03-18T23:30:00Z").first)
        #expect(yesterday.time?.from == "2025-03-18" && yesterday.time?.to == "2025-03-18")
        #expect(yesterday.time?.zone == "Europe/Kyiv")
        let overnight = try #require(Self.incidents("Russian drones attacked energy facilities overnight, Ukraine's energy ministry said.").first)
        #expect(overnight.time?.from == "2025-03-18" && overnight.time?.to == "2025-03-19" && overnight.time?.precision == .hour)
        // 18:00 to 09:00 in Kyiv (UTC+2 in March).
        #expect(overnight.time?.span == TimeSpan(start: Self.utc("2025-03-18T16:00:00Z"), end: Self.utc("2025-03-19T07:00:00Z")))
        let weekday = try #require(Self.incidents("Ukraine's military said Russian drones struck a substation late Monday.").first)
        #expect(weekday.time?.from == "2025-03-17")  // 19 March 2025 was a Wednesday
        let dated = try #require(Self.incidents("Russia said Ukraine struck an oil depot on March 16.").first)
        #expect(dated.time?.from == "2025-03-16" && dated.time?.to == "2025-03-16")
        let period = try #require(
            Self.incidents("Israeli bombardments in the past three days have killed at least 592 people, officials said.").first)
        #expect(period.time?.from == "2025-03-16" && period.time?.to == "2025-03-19" && period.fatalities == 592)
        let statement = try #require(Self.incidents("Russia's Defense Ministry said on Monday that Ukraine struck an oil depot.").first)
        #expect(statement.time == nil, "Monday is when it was said, not when the depot was struck")
        let untimed = try #require(Self.incidents("Russian drones hit a substation, Ukraine's energy ministry said.").first)
        #expect(untimed.time == nil, "no time word: no time, not the publication day")
    }

    @Test("an agreement to stop attacks is an agreement event, not an attack")
    func agreementEvents() throws {
        let items = Self.items("Putin agreed to halt strikes on energy infrastructure for 30 days, the Kremlin said.")
        #expect(!items.contains { if case .incident = $0 { true } else { false } })
        guard case .agreementEvent(let event)? = items.first else {
            Issue.record("no agreement event: \(items)")
            return
        }
        #expect(event.event == .accepted && event.agreement == "energy-moratorium-2025" && event.party == "RU")
        let order = Self.items("Putin ordered the military to halt strikes on energy facilities.")
        if case .agreementEvent(let halt)? = order.first { #expect(halt.event == .orderToHalt) } else { Issue.record("\(order)") }
    }

    @Test("an attack a sentence only threatens, forbids or supposes is no incident")
    func hypotheticalAttacks() {
        for text in [
            "Any movement of Russian military vessels would violate the agreement and threaten Ukraine's security, Kyiv said.",
            "Both sides pledged not to attack energy facilities for 30 days.",
            "Israel threatened to strike Gaza again if the hostages were not released.",
        ] {
            #expect(Self.incidents(text).isEmpty, "\(text)")
        }
    }

    @Test("a demand is matched to the catalogue's tracked condition")
    func conditions() throws {
        let items = Self.items(
            "Moscow demanded a complete halt to foreign military aid and intelligence sharing for Kyiv as a condition of any ceasefire.")
        let condition = items.compactMap { if case .condition(let condition) = $0 { condition } else { nil } }.first
        #expect(condition?.condition == "ru-end-foreign-military-aid-and-intelligence" && condition?.party == "RU")
    }

    @Test("each item carries the span of its sentence in the article's text, counted in Unicode scalars")
    func sentenceSpans() throws {
        let text = "Kyiv’s mayor spoke. Russian drones struck a substation overnight, Ukraine's energy ministry said. Nothing else."
        let incident = try #require(Self.incidents(text).first)
        let scalars = Array(text.unicodeScalars)
        let span = incident.sentence.span
        #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == incident.sentence.text)
        #expect(incident.sentence.text.hasPrefix("Russian drones"))
    }

    @Test("Ukrainian and Russian reports give dates, actions, targets and parties")
    func otherLanguages() throws {
        let ukrainian = Article(
            published: ISO8601DateFormatter().date(from: "2025-03-19T08:00:00Z")!,
            text: "Вночі російські дрони атакували енергетичну інфраструктуру, повідомили в Міненерго.", file: "uk")
        let incident = try #require(Self.extractor.extract(ukrainian).items.first)
        guard case .incident(let uk) = incident else {
            Issue.record("\(incident)")
            return
        }
        #expect(uk.action == .droneStrike && uk.target == .energy && uk.accused == "RU")
        #expect(uk.time?.from == "2025-03-18" && uk.time?.to == "2025-03-19")
        let russian = Article(
            published: ISO8601DateFormatter().date(from: "2025-03-19T08:00:00Z")!,
            text: "Минобороны России заявило, что 16 марта ВСУ атаковали нефтебазу.", file: "ru")
        guard case .incident(let ru)? = Self.extractor.extract(russian).items.first else {
            Issue.record("no Russian incident")
            return
        }
        #expect(ru.targetSubtype == "oil_storage" && ru.time?.from == "2025-03-16" && ru.claimantParty == "RU")
    }

    @Test("a place is resolved through the gazetteer; a name several places share stays ambiguous unless an earlier place decides")
    func places() throws {
        let gazetteer = Gazetteer(places: [
            .init(name: "Kherson", latitude: 46.6558, longitude: 32.6178, country: "UA", admin1: "Kherson Oblast", population: 279_131),
            .init(name: "Kherson Oblast", latitude: 46.64, longitude: 32.61, country: "UA", admin1: "Kherson Oblast", kind: .region),
            .init(name: "Oleksandrivka", latitude: 47.72, longitude: 32.97, country: "UA", admin1: "Kherson Oblast", population: 1_200),
            .init(name: "Oleksandrivka", latitude: 48.68, longitude: 37.87, country: "UA", admin1: "Donetsk Oblast", population: 3_000),
            .init(name: "Kostiantynivka", latitude: 48.53, longitude: 37.71, country: "UA", admin1: "Donetsk Oblast", population: 67_000),
        ])
        let extractor = NewsExtractor(gazetteer: gazetteer)
        func incidents(_ text: String) -> [IncidentMention] {
            let article = Article(published: ISO8601DateFormatter().date(from: "2025-03-19T08:00:00Z")!, text: text, language: .en, file: "test")
            return extractor.extract(article).items.compactMap { if case .incident(let incident) = $0 { incident } else { nil } }
        }
        let kherson = try #require(incidents("Russian drones struck a substation in Kherson, the regional governor said.").first)
        #expect(kherson.place?.name == "Kherson" && kherson.place?.precision == .locality && kherson.place?.admin1 == "Kherson Oblast")
        #expect(kherson.time == nil)
        let region = try #require(incidents("Russian artillery shelled energy facilities in the Kherson region.").first)
        #expect(region.place?.precision == .region && region.place?.admin1 == "Kherson Oblast")
        let ambiguous = try #require(incidents("A drone hit a substation in Oleksandrivka, officials said.").first)
        #expect(ambiguous.place?.name == nil && ambiguous.place?.candidates == 2 && ambiguous.place?.precision == .country)
        let decided = incidents("Russian drones struck a substation in Kostiantynivka. Later a drone hit a house in Oleksandrivka.")
        #expect(decided.last?.place?.name == "Oleksandrivka" && decided.last?.place?.admin1 == "Donetsk Oblast")
    }

    @Test("Ukrainian and Russian place names in other cases resolve through the bundled gazetteer; an inverted speaker is the claimant")
    func inflectedPlaces() throws {
        let extractor = NewsExtractor(gazetteer: .bundled)
        let expected: [(String, String, GeoPrecision)] = [
            ("Вночі російські дрони атакували енергетичну інфраструктуру в Харкові, повідомили в Міненерго.", "Kharkiv Oblast", .locality),
            ("Росія обстріляла енергетичні об'єкти в Херсонській області, заявив губернатор.", "Kherson Oblast", .region),
            ("По словам губернатора, беспилотник атаковал подстанцию в Белгороде.", "Belgorod Oblast", .locality),
            ("Минобороны России заявило, что ВСУ атаковали нефтебазу в Курской области.", "Kursk Oblast", .region),
        ]
        for (text, region, precision) in expected {
            let article = Article(published: ISO8601DateFormatter().date(from: "2025-03-19T08:00:00Z")!, text: text, file: "t")
            guard case .incident(let incident)? = extractor.extract(article).items.first else {
                Issue.record("no incident in \(text)")
                continue
            }
            #expect(incident.place?.admin1 == region && incident.place?.precision == precision, "\(text): \(String(describing: incident.place))")
            #expect(incident.claimant != nil, "\(text)")
        }
    }

    @Test("extraction is deterministic: the same article gives the same items")
    func deterministic() {
        let text = "Russian drones struck a substation overnight, Ukraine's energy ministry said. The Kremlin denied it."
        #expect(Self.items(text) == Self.items(text))
    }
}
