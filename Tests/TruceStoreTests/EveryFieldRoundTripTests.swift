import Foundation
import Testing
import TruceCore
import TruceStore

/// An incident with every field filled goes through the store and comes back equal: a field that the canonical
/// JSON writer or reader forgets is caught here, as is a new field of `Incident` left out of the incident below.
@Suite("Every field of an incident survives the store")
struct EveryFieldRoundTripTests {
    /// Every optional set, every array non-empty (more than one element where the model allows several), and
    /// extreme values: text in several scripts with characters JSON escapes, numbers at the ends of their range,
    /// the first and last instants written exactly, a zone with a 45-minute offset.
    static func everyField() -> Incident {
        let text = "Харків «тест» 🕊 \"quoted\" back\\slash / tab\t line\nbreak \u{1B}\u{01} é"
        let source = SourceReference(
            url: "https://example.org/путь?q=\"a\"&b=/c", published: "2025-04-20T10:00:00+03:00", publisher: "Укрінформ 🕊",
            title: "Title \u{2028}\u{2029}", quote: text)
        let fields = [
            SourceRecord.Field(name: "event_id_cnty", value: "UKR12345"), SourceRecord.Field(name: "notes", value: text),
            SourceRecord.Field(name: "ключ \"k\"", value: "𝄞\u{0}\u{1F}"),
        ]
        return Incident(
            id: "every-field-ïñ-🕊",
            time: IncidentTime(
                span: TimeSpan(start: Date(timeIntervalSince1970: -12_219_292_800), end: Date(timeIntervalSince1970: 253_402_300_799)),
                precision: .week, timeZone: ZoneIdentifier("Asia/Kathmandu")),
            location: IncidentLocation(
                country: "UA", admin1: "Харківська область", place: text, coordinate: Coordinate(latitude: -89.999999, longitude: 179.99999999999997),
                precision: .nearby, countries: ["UA", "RU", "BY"]),
            action: .droneStrike, outcome: .intercepted, acts: Int.max,
            target: Target(category: .energy, subtype: "substation", name: text),
            perpetrator: Attribution(party: "RU", attributedBy: text),
            effects: Effects(fatalities: Int.min, injured: 1_000_000_007),
            description: text,
            claims: [
                Claim(claimant: "Ministry of Defence of Ukraine", claimantParty: "UA", accused: "RU", source: source, stance: .assertion),
                Claim(claimant: text, claimantParty: "RU", accused: "RU", source: source, stance: .denial),
            ],
            sources: [
                SourceRecord(dataset: "acled", file: "acled 2025 (копія).csv", line: Int.max, key: "UKR12345", release: "1745100000", fields: fields),
                SourceRecord(dataset: "truce-csv", file: "notes.csv", line: 2, key: text, release: "2025-04-21", fields: fields.reversed()),
            ])
    }

    /// The every-field incident again with each case of each enumeration of the model in turn, and with an
    /// offset zone, a 1e-07 coordinate and other edge values.
    static func everyCase() -> [Incident] {
        let base = everyField()
        var all = [base]
        func variant(_ label: String, _ change: (inout Incident) -> Void) {
            var incident = base
            incident.id = "\(base.id)-\(label)"
            change(&incident)
            all.append(incident)
        }
        for value in ActionType.allCases { variant("action-\(value.rawValue)") { $0.action = value } }
        for value in Outcome.allCases { variant("outcome-\(value.rawValue)") { $0.outcome = value } }
        for value in TargetCategory.allCases { variant("category-\(value.rawValue)") { $0.target.category = value } }
        for value in TimePrecision.allCases { variant("time-\(value.rawValue)") { $0.time.precision = value } }
        for value in GeoPrecision.allCases { variant("place-\(value.rawValue)") { $0.location.precision = value } }
        for value in Claim.Stance.allCases { variant("stance-\(value.rawValue)") { $0.claims[0].stance = value } }
        variant("offset-zone") { $0.time.timeZone = ZoneIdentifier("UTC-09:30") }
        variant("small-numbers") {
            $0.location.coordinate = Coordinate(latitude: 1e-07, longitude: -0.000001)
            $0.acts = -3
            $0.effects = Effects(fatalities: 0, injured: -1)
            $0.time.span = TimeSpan(start: Date(timeIntervalSince1970: -1), end: Date(timeIntervalSince1970: 0))
        }
        return all
    }

    @Test("an incident with every field filled, and each case of each enumeration, is read back from the store exactly as saved")
    func everyFieldRoundTripsThroughTheStore() throws {
        let incidents = Self.everyCase()
        let store = try SQLiteStore(path: try StoreFixtures.newPath())
        #expect(try store.save(incidents: incidents, quarantined: []) == LoadSummary(new: incidents.count))
        let byID = try store.incidents(ids: incidents.map(\.id), detail: .full)
        #expect(byID.count == incidents.count)
        for (stored, incident) in zip(byID, incidents) { #expect(stored == incident, "\(incident.id)") }
        #expect(Set(try store.incidents(matching: .all)) == Set(incidents))
        // The same incidents again are the same stored bytes: nothing changes.
        #expect(try store.save(incidents: incidents, quarantined: []) == LoadSummary(unchanged: incidents.count))
    }

    @Test("a version replaced by a newer release is kept in the history with every field")
    func everyFieldSurvivesTheHistory() throws {
        let original = Self.everyField()
        var newer = original
        newer.description = "corrected"
        for index in newer.sources.indices { newer.sources[index].release = "1845100000" }
        let store = try SQLiteStore(path: try StoreFixtures.newPath())
        _ = try store.save(incidents: [original], quarantined: [])
        #expect(try store.save(incidents: [newer], quarantined: []) == LoadSummary(updated: 1))
        #expect(try store.history(of: original.id) == [original])
        #expect(try store.incidents(ids: [original.id], detail: .full) == [newer])
    }

    @Test("an incident whose fields come apart, as a bulk import prepares it, is read back with every field")
    func everyFieldRoundTripsWhenPreparedApart() throws {
        var whole = Self.everyField()
        whole.sources.removeLast()
        var apart = whole
        apart.sources[0].fields = []
        let fields = whole.sources[0].fields
        let valuesJSON = try TruceJSON.string(fields.map(\.value))
        let store = try SQLiteStore(path: try StoreFixtures.newPath())
        let prepared = PreparedIncident(apart, fieldNames: fields.map(\.name), valuesJSON: valuesJSON)
        #expect(try store.save(prepared: [prepared], quarantined: []) == LoadSummary(new: 1))
        #expect(try store.incidents(ids: [whole.id], detail: .full) == [whole])
        #expect(try store.save(incidents: [whole], quarantined: []) == LoadSummary(unchanged: 1))
    }

    @Test("the canonical JSON of the every-field incident is Foundation's encoding, and the store's fast reader reads all of it")
    func everyFieldIsWrittenAndReadByTheFastCoders() throws {
        for incident in Self.everyCase() {
            let text = incident.canonicalJSON
            #expect(text == (try TruceJSON.string(incident)), "\(incident.id)")
            #expect(Incident(canonicalJSON: text) == incident, "\(incident.id)")
        }
    }

    @Test("the every-field incident leaves no field unset, so a field added to Incident fails here until it is filled and round-trips")
    func everyFieldLeavesNothingUnset() {
        #expect(Self.unsetFields(of: Self.everyField(), path: "incident") == [])
        // The check itself finds an unset optional, an empty array and an empty string.
        var partial = Self.everyField()
        partial.perpetrator = nil
        partial.location.countries = []
        partial.claims[1].source?.title = ""
        #expect(
            Self.unsetFields(of: partial, path: "incident")
                == ["incident.location.countries", "incident.perpetrator", "incident.claims[1].source.title"])
    }

    /// The paths of the values inside `value` that are unset: `nil`, an empty collection or text, `false`, or a
    /// zero number.
    static func unsetFields(of value: Any, path: String) -> [String] {
        func isZero<Number: BinaryInteger>(_ number: Number) -> Bool { number == 0 }
        switch value {
        case let text as String: return text.isEmpty ? [path] : []
        case let flag as Bool: return flag ? [] : [path]
        case let number as Double: return number == 0 ? [path] : []
        case let number as any BinaryInteger: return isZero(number) ? [path] : []
        case is Date, is TimeZone: return []
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return [path] }
            return unsetFields(of: wrapped.value, path: path)
        case .collection, .set, .dictionary:
            guard !mirror.children.isEmpty else { return [path] }
            return mirror.children.enumerated().flatMap { index, child in unsetFields(of: child.value, path: "\(path)[\(index)]") }
        default:
            return mirror.children.flatMap { child in unsetFields(of: child.value, path: "\(path).\(child.label ?? "?")") }
        }
    }
}
