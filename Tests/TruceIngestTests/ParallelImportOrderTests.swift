import Foundation
import Testing
import TruceCore
import TruceIngest
import TruceTestSupport

/// The streaming import normalises records in groups across the cores; what it hands on must be what reading the
/// file one record at a time gives: the same incidents in file order, the same records quarantined on the same lines.
@Suite("The parallel import keeps file order")
struct ParallelImportOrderTests {
    static let header =
        "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,iso,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities,timestamp"

    /// A seeded ACLED file of `rows` events: dates in both written forms and every precision, notes that name
    /// targets and weapons, and here and there a bad date, a bad latitude, a short row or a repeated key.
    static func generatedACLED(rows: Int, seed: UInt64) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        let notes = [
            "On 22 March 2025, Russian forces struck a substation in Kharkiv with drones.",
            "Shelling hit a residential building; 2 people died in hospital.",
            "\"Quoted\" report: an airstrike by a helicopter destroyed a bridge, near the port.",
            "Удар по підстанції, пошкоджено лінію електропередач.",
            "Militants operating a drone were struck. A missile was intercepted.",
            "Peaceful protest\nover two lines.",
        ]
        let subEvents = [
            "Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Attack", "Disrupted weapons use", "Peaceful protest",
        ]
        let months = ["January", "March", "July", "October", "December"]
        var lines = [header]
        for row in 1...rows {
            let day = Int.random(in: 1...28, using: &generator)
            var date =
                Bool.random(using: &generator)
                ? "\(day) \(months.randomElement(using: &generator)!) 2024" : "2024-0\(Int.random(in: 1...9, using: &generator))-1\(day % 10)"
            var latitude = String(format: "%.4f", Double.random(in: 44...52, using: &generator))
            var key = "UKR\(row)"
            switch Int.random(in: 0..<40, using: &generator) {
            case 0: date = "32 March 2024"
            case 1: latitude = "north"
            case 2: key = "UKR\(max(1, row - Int.random(in: 1...50, using: &generator)))"
            default: break
            }
            let note = notes.randomElement(using: &generator)!.replacingOccurrences(of: "\"", with: "\"\"")
            var fields = [
                key, date, "\(Int.random(in: 1...3, using: &generator))", "Explosions/Remote violence", subEvents.randomElement(using: &generator)!,
                "Military Forces of Russia (2000-)", Bool.random(using: &generator) ? "Civilians (Ukraine)" : "", "804", "Kharkiv", "Kharkiv",
                latitude, "36.2304", "1", "Example Wire", "\"\(note)\"", "\(Int.random(in: 0...5, using: &generator))", "1742860800",
            ]
            if Int.random(in: 0..<60, using: &generator) == 0 { fields.removeLast(2) }
            lines.append(fields.joined(separator: ","))
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The file read one record at a time, with the format's own normalisation and a first-seen check on keys.
    static func sequential(_ format: ACLEDFormat, _ bytes: [UInt8], file: String) throws -> (incidents: [Incident], quarantinedLines: [Int]) {
        var reader = CSVReader(bytes: bytes, dialect: format.dialect)
        guard case .record(let header)? = reader.next() else { throw InputError.unreadable(file: file, reason: "no header") }
        let columns = try format.columns(header: header.fields, file: file)
        var incidents: [Incident] = []
        var quarantinedLines: [Int] = []
        var seen: Set<String> = []
        while let element = reader.next() {
            guard case .record(let record) = element else { continue }
            switch format.incident(from: record, columns: columns, file: file, sourceFile: file) {
            case .success(let incident) where seen.insert(incident.sources[0].key).inserted: incidents.append(incident)
            case .success, .failure: quarantinedLines.append(record.line)
            }
        }
        return (incidents, quarantinedLines)
    }

    @Test("the parallel import gives the same incidents in the same order as reading record by record", arguments: [300, 1000, 4096])
    func sameIncidentsInOrder(batchSize: Int) throws {
        let format = ACLEDFormat(actors: try ActorTable(csv: "pattern,party\nMilitary Forces of Russia,RU\n", file: "actors.csv"))
        let bytes = Self.generatedACLED(rows: 6000, seed: 21)
        let expected = try Self.sequential(format, bytes, file: "generated.csv")
        var incidents: [Incident] = []
        var quarantined: [QuarantinedRecord] = []
        let report = try StreamingImport(format: format, batchSize: batchSize).run(
            source: ByteSource(bytes: bytes, file: "generated.csv", chunkSize: 64 << 10), file: "generated.csv"
        ) { batchIncidents, batchQuarantined in
            incidents += batchIncidents
            quarantined += batchQuarantined
            return LoadSummary(new: batchIncidents.count, quarantined: batchQuarantined.count)
        }
        #expect(report.records == 6000)
        #expect(expected.incidents.count > 5000 && expected.quarantinedLines.count > 100)  // both paths are exercised
        #expect(incidents.count == expected.incidents.count)
        #expect(incidents.map(\.id) == expected.incidents.map(\.id))
        #expect(incidents == expected.incidents)
        #expect(quarantined.map(\.line) == expected.quarantinedLines)
    }
}
