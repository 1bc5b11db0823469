import Foundation
import Testing
import TruceCore
import TruceReport
import TruceTestSupport

/// Python 3, the independent JSON reader, where it is installed.
let pythonIsInstalled = (try? runPython(["-c", "pass"])) == 0

/// Runs `python3 arguments`, returning its exit status.
func runPython(_ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}

@Suite("JSON exports: Truce's writers give Foundation's bytes")
struct JSONExportBytesTests {
    static let seeds: [UInt64] = [1, 2, 3, 0x9E37_79B9, 20_250_318]

    static func incidents(seed: UInt64, count: Int = 300) -> [Incident] {
        var random = HostileIncidents(seed: seed)
        return (0..<count).map { _ in random.incident() }
    }

    @Test("incidents GeoJSON: byte for byte what JSONSerialization writes, for random hostile incidents", arguments: seeds)
    func incidentsGeoJSON(seed: UInt64) throws {
        let incidents = Self.incidents(seed: seed)
        let expected = FoundationExports.collection(
            try incidents.map { try FoundationExports.feature($0, properties: FoundationExports.properties(of: $0)) })
        #expect(try ExportFormat.geojson.incidents.text(of: incidents) == expected)
    }

    @Test("claims GeoJSON: byte for byte what JSONSerialization writes, for random hostile incidents", arguments: seeds)
    func claimsGeoJSON(seed: UInt64) throws {
        let claims = Self.incidents(seed: seed).flatMap { incident in incident.claims.map { (incident: incident, claim: $0) } }
        #expect(claims.count > 100)
        let expected = FoundationExports.collection(
            try claims.map { try FoundationExports.feature($0.incident, properties: FoundationExports.properties(of: $0.claim, in: $0.incident)) })
        #expect(try ExportFormat.geojson.claims.text(of: claims) == expected)
    }

    @Test(
        "verdicts GeoJSON: byte for byte what JSONSerialization writes, a verdict without evidence having no evidence property",
        arguments: seeds)
    func verdictsGeoJSON(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let verdicts = Self.incidents(seed: seed).map { incident in
            let verdict = Verdict(
                incident: incident.id, agreement: HostileIncidents.pieces.randomElement(using: &random)! + "-2025",
                kind: VerdictKind.allCases.randomElement(using: &random)!, checks: [], rulesVersion: "1")
            return (
                verdict: verdict, evidence: [nil, EvidenceLevel.allCases.randomElement(using: &random)!].randomElement(using: &random)!,
                incident: incident
            )
        }
        #expect(verdicts.contains { $0.evidence == nil } && verdicts.contains { $0.evidence != nil })
        let expected = FoundationExports.collection(
            try verdicts.map {
                try FoundationExports.feature(
                    $0.incident, properties: FoundationExports.properties(of: $0.verdict, evidence: $0.evidence, incident: $0.incident))
            })
        let layout = GeoJSONExport.layout(GeoJSONExport.verdictProperties) {
            (item: (verdict: Verdict, evidence: EvidenceLevel?, incident: Incident)) in
            (item.incident, GeoJSONExport.verdictValues(of: item.verdict, evidence: item.evidence, incident: item.incident))
        }
        #expect(try layout.text(of: verdicts) == expected)
    }

    @Test("incidents and claims JSON Lines: byte for byte what JSONEncoder writes, for random hostile incidents", arguments: seeds)
    func jsonLines(seed: UInt64) throws {
        let incidents = Self.incidents(seed: seed)
        #expect(try ExportFormat.jsonl.incidents.text(of: incidents) == (try incidents.map(FoundationExports.line).joined()))
        let claims = incidents.flatMap { incident in incident.claims.map { (incident: incident, claim: $0) } }
        let rows = claims.map { ClaimRow(incident: $0.incident.id, claim: $0.claim) }
        #expect(try ExportFormat.jsonl.claims.text(of: claims) == (try rows.map(FoundationExports.line).joined()))
    }

    @Test("an empty export is a valid, empty FeatureCollection and an empty JSON Lines file")
    func emptyExports() throws {
        #expect(try ExportFormat.geojson.incidents.text(of: []) == FoundationExports.collection([]))
        #expect(try ExportFormat.jsonl.incidents.text(of: []) == "")
    }

    @Test(
        "hostile GeoJSON reads back in Python's json: every id and description is the text written",
        .enabled(if: pythonIsInstalled, "python3 is not installed"), arguments: seeds.prefix(2))
    func readsBackInPython(seed: UInt64) throws {
        let incidents = Self.incidents(seed: seed)
        let directory = try ScratchDirectory.make("truce-hostile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let exported = directory.appendingPathComponent("incidents.geojson")
        try ExportFormat.geojson.incidents.text(of: incidents).write(to: exported, atomically: true, encoding: .utf8)
        // The texts written, as UTF-8 in hexadecimal, so that no JSON writer stands between them and the check.
        let hex = { (text: String) in text.utf8.map { String(format: "%02x", $0) }.joined() }
        let expected = directory.appendingPathComponent("expected.txt")
        try incidents.map { hex($0.id) + " " + hex($0.description) + "\n" }.joined().write(to: expected, atomically: true, encoding: .utf8)
        let check = """
            import json, sys
            data = json.load(open(sys.argv[1], encoding="utf-8"))
            expected = [line.split(" ") for line in open(sys.argv[2]).read().splitlines()]
            assert data["type"] == "FeatureCollection" and len(data["features"]) == len(expected)
            for feature, (id, description) in zip(data["features"], expected):
                assert feature["type"] == "Feature" and set(feature) == {"type", "id", "geometry", "properties"}
                assert feature["id"] == bytes.fromhex(id).decode("utf-8"), feature["id"]
                assert feature["properties"]["description"] == bytes.fromhex(description).decode("utf-8")
                geometry = feature["geometry"]
                assert geometry is None or (geometry["type"] == "Point" and len(geometry["coordinates"]) == 2)
            """
        #expect(try runPython(["-c", check, exported.path, expected.path]) == 0)
    }
}
