import Foundation
import Testing
import TruceCore
import TruceStore

/// The demo's reports, as users see them: events counted once, readable charts, a map that holds its points.
@Suite("truce report on the demo: events, charts and map")
struct ReportEventsCLITests {
    /// The demo's database, built once per test.
    func demo() throws -> (directory: URL, db: String) {
        let directory = try CLI.temporaryDirectory()
        let run = try CLI.run(["demo", "--dir", directory.path])
        #expect(run.status == 0, "\(run.errors)")
        return (directory, directory.appendingPathComponent("truce.sqlite").path)
    }

    func jsonReport(_ agreement: String, db: String, out: URL) throws -> [String: Any] {
        let written = try CLI.run(["report", "--agreement", agreement, "--format", "json", "--out", out.path, "--db", db])
        #expect(written.status == 0, "\(written.errors)")
        let path = written.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    @Test("defect: the demo counted events twice, as its ACLED-format sample repeats incidents of incidents.csv")
    func demoCountsNoEventTwice() throws {
        let (directory, db) = try demo()
        let report = try jsonReport("energy-moratorium-2025", db: db, out: directory)
        let analytics = try #require(report["analytics"] as? [String: Any])
        let overall = try #require(analytics["overall"] as? [String: Any])
        let events = (overall["violations"] as? Int ?? 0) + (overall["possibleViolations"] as? Int ?? 0)
        let records = (overall["violationRecords"] as? Int ?? 0) + (overall["possibleViolationRecords"] as? Int ?? 0)
        #expect(events > 0 && events < records, "\(events) events, \(records) records")

        // Each record is drawn in one event only.
        let points = try #require(report["points"] as? [[String: Any]])
        var eventOf: [String: String] = [:]
        for point in points {
            for record in point["records"] as? [String] ?? [] {
                #expect(eventOf[record] == nil, "\(record) in two events")
                eventOf[record] = point["event"] as? String
            }
        }
        // Each ACLED-format row that repeats an example incident (its notes carry the example's description) is in its event.
        let incidents = try SQLiteStore(path: db, access: .readOnly).incidents(matching: .all).filter { eventOf[$0.id] != nil }
        let acled = incidents.filter { $0.sources.first?.dataset == "acled" }
        let examples = incidents.filter { $0.sources.first?.dataset != "acled" }
        var pairs = 0
        for row in acled {
            for example in examples where Self.repeats(row, example) {
                pairs += 1
                #expect(eventOf[row.id] == eventOf[example.id], "\(row.id) and \(example.id) describe one event")
            }
        }
        #expect(pairs > 0)
    }

    @Test("every ACLED-format row of the demo is one event with the example incidents it repeats, and no two rows share one")
    func demoSampleRowsJoinTheirExamples() throws {
        let (_, db) = try demo()
        let store = try SQLiteStore(path: db, access: .readOnly)
        let eventOf = Dictionary(uniqueKeysWithValues: try store.evidence().map { ($0.incident, $0.group) })
        let incidents = try store.incidents(matching: .all)
        let acled = incidents.filter { $0.sources.first?.dataset == "acled" }
        let examples = incidents.filter { $0.sources.first?.dataset != "acled" }
        #expect(acled.count == 15)
        for row in acled {
            let repeated = examples.filter { example in
                guard let notes = row.sources.first?["notes"] else { return false }
                return !example.description.isEmpty && notes.contains(String(example.description.prefix(60)))
            }
            #expect(!repeated.isEmpty, "\(row.id) repeats no example")
            for example in repeated { #expect(eventOf[row.id] == eventOf[example.id], "\(row.id) and \(example.id) describe one event") }
        }
        #expect(Set(acled.compactMap { eventOf[$0.id] }).count == acled.count)
    }

    /// Whether an ACLED-format row repeats an example: the sample's notes are "On <day>, " and the example's description.
    static func repeats(_ row: Incident, _ example: Incident) -> Bool {
        guard let notes = row.sources.first?["notes"], !example.description.isEmpty else { return false }
        return notes.contains(example.description)
    }

    @Test("defect: chart labels overprinted and the map cropped its points: labels keep apart, the map frame holds every point, a screenshot is kept")
    func readableChartsAndMap() throws {
        let (directory, db) = try demo()
        let boundaries = CLI.repository.deletingLastPathComponent().appendingPathComponent(
            "shared/data/boundaries/geoBoundaries-UKR-ADM1_simplified.geojson"
        ).path
        var arguments = ["report", "--agreement", "energy-moratorium-2025", "--out", directory.path, "--db", db]
        if FileManager.default.fileExists(atPath: boundaries) { arguments += ["--boundaries", boundaries] }
        let written = try CLI.run(arguments)
        #expect(written.status == 0, "\(written.errors)")
        let path = written.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let html = try String(contentsOfFile: path, encoding: .utf8)

        // Day labels: far enough apart for their text ("03-18" is about 31 px at 10 px).
        let ticks = Self.texts(in: html, class: "tick-label")
        #expect(ticks.count >= 3)
        for (a, b) in zip(ticks, ticks.dropFirst()) { #expect(b.x - a.x >= Self.width(a.text) + 4, "\(a.text) and \(b.text) overlap") }
        // Status labels: on one row, each clears the one before it.
        let markers = Self.texts(in: html, class: "marker-label")
        #expect(!markers.isEmpty)
        for row in Dictionary(grouping: markers, by: \.y).values {
            let sorted = row.sorted { $0.x < $1.x }
            for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(b.x >= a.x + Self.width(a.text), "\(a.text) and \(b.text) overlap") }
        }

        // The map: every dot and cluster inside the frame, none stacked on another, and every event with a point drawn.
        let map = try #require(html.range(of: "class=\"map\"").map { String(html[$0.lowerBound...]) })
        let viewBox = try #require(Self.attribute("viewBox", in: map)).split(separator: " ").compactMap { Double($0) }
        let frameStart = try #require(map.range(of: "class=\"frame\""))
        let frame = try #require(Self.attribute("height", in: String(map[frameStart.lowerBound...])).flatMap(Double.init))
        let circles = Self.circles(in: map)
        #expect(!circles.isEmpty)
        for circle in circles {
            #expect(
                circle.x - circle.r >= 0 && circle.x + circle.r <= viewBox[2] && circle.y - circle.r >= 0 && circle.y + circle.r <= frame, "\(circle)"
            )
        }
        for (index, a) in circles.enumerated() {
            for b in circles[(index + 1)...] { #expect(hypot(a.x - b.x, a.y - b.y) >= 12, "\(a) and \(b) are stacked") }
        }
        let json = try jsonReport("energy-moratorium-2025", db: db, out: directory)
        let counts = Self.texts(in: map, class: "cluster-count").compactMap { Int($0.text) }
        let singles = circles.count - counts.count
        #expect(singles + counts.reduce(0, +) == (json["points"] as? [Any])?.count)
        // The legend lies below the frame, clear of the outlines.
        #expect(map.contains("clip-path=\"url(#map-frame)\""))

        // The screenshot, kept as a test artefact.
        guard let chromium else {
            print("chromium is not on PATH: no screenshot of the report taken")
            return
        }
        let artefacts = try CLI.artefacts()
        let screenshot = artefacts.appendingPathComponent("demo-energy-moratorium-report.png")
        try? FileManager.default.removeItem(at: screenshot)
        let shot = try CLI.run(
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,2400", "--screenshot=\(screenshot.path)",
                "file://\(path)",
            ],
            executable: URL(fileURLWithPath: chromium))
        #expect(FileManager.default.fileExists(atPath: screenshot.path), "\(shot.errors)")
        print("screenshot: \(screenshot.path)")
    }

    /// The generous width estimate the chart uses for a 10 px label.
    static func width(_ text: String) -> Double { Double(text.count) * 10 * 0.62 }

    static func attribute(_ name: String, in text: String) -> String? {
        guard let start = text.range(of: " \(name)=\"") else { return nil }
        return String(text[start.upperBound...].prefix { $0 != "\"" })
    }

    /// The `<text class="…">` elements of a class, with their position and text.
    static func texts(in html: String, class name: String) -> [(x: Double, y: Double, text: String)] {
        html.components(separatedBy: "<text class=\"\(name)\"").dropFirst().compactMap { element in
            let tag = String(element.prefix { $0 != ">" })
            guard let x = attribute("x", in: tag).flatMap(Double.init), let y = attribute("y", in: tag).flatMap(Double.init) else { return nil }
            let text = element.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
            return (x, y, String(text))
        }
    }

    /// The map's event circles (dots and clusters).
    static func circles(in map: String) -> [(x: Double, y: Double, r: Double)] {
        map.components(separatedBy: "<circle class=\"incident").dropFirst().compactMap { element in
            let tag = String(element.prefix { $0 != ">" })
            guard let x = attribute("cx", in: tag).flatMap(Double.init), let y = attribute("cy", in: tag).flatMap(Double.init),
                let r = attribute("r", in: tag).flatMap(Double.init)
            else { return nil }
            return (x, y, r)
        }
    }
}
