import Foundation
import TruceCore
import TruceIngest
import TruceStore

/// One dataset format over arbitrary bytes through the streaming import, read whole and in small chunks.
///
/// Invariants: reading never crashes; both readings agree (the same error, or the same incidents, quarantined
/// records and counts); every record is accounted for (incidents + quarantined = records, and records +
/// annotations = the records the CSV reader finds in the decoded input, header excluded); every incident
/// writes canonical JSON that the generic encoder writes too, and reads back equal.
struct DatasetFuzzing<Format: DatasetFormat> {
    let format: Format
    let file: String

    struct Outcome: Equatable {
        var incidents: [Incident] = []
        var quarantined: [QuarantinedRecord] = []
        var records = 0
        var annotations = 0
    }

    func run(_ input: [UInt8]) {
        let chunk = chunkSize(for: input)
        let whole = importing(ByteSource(bytes: input, file: file))
        let chunked = importing(ByteSource(bytes: input, file: file, chunkSize: chunk))
        let name = format.dataset
        switch (whole, chunked) {
        case (.failure(let wholeError), .failure(let chunkedError)):
            // A corrupt gzip stream fails when the bad bytes are reached: read in small chunks, the records
            // before them are checked first and may fail for their own reason.
            let isGzip = input.starts(with: [0x1F, 0x8B])
            invariant(
                isGzip || "\(wholeError)" == "\(chunkedError)",
                "\(name): read whole it fails with \"\(wholeError)\", in \(chunk)-byte chunks with \"\(chunkedError)\"")
        case (.failure(let error), .success), (.success, .failure(let error)):
            let how = whole.isSuccess ? "in \(chunk)-byte chunks" : "read whole"
            invariant(false, "\(name): only \(how) the import fails: \(error)")
        case (.success(let outcome), .success(let chunkedOutcome)):
            invariant(
                outcome.records == chunkedOutcome.records && outcome.annotations == chunkedOutcome.annotations,
                "\(name): read whole \(outcome.records) records, \(outcome.annotations) annotations; in \(chunk)-byte chunks \(chunkedOutcome.records), \(chunkedOutcome.annotations)"
            )
            invariant(outcome == chunkedOutcome, "\(name): read whole and in \(chunk)-byte chunks give different incidents or quarantined records")
            checkAccounting(outcome, input: input)
            for incident in outcome.incidents { checkJSON(incident) }
        }
    }

    private func importing(_ source: ByteSource) -> Result<Outcome, any Error> {
        var outcome = Outcome()
        do {
            let report = try StreamingImport(format: format, batchSize: 64).run(source: source, file: file) { incidents, quarantined in
                outcome.incidents += incidents
                outcome.quarantined += quarantined
                return LoadSummary(new: incidents.count, quarantined: quarantined.count)
            }
            outcome.records = report.records
            outcome.annotations = report.annotations
            return .success(outcome)
        } catch {
            return .failure(error)
        }
    }

    private func checkAccounting(_ outcome: Outcome, input: [UInt8]) {
        let name = format.dataset
        invariant(
            outcome.incidents.count + outcome.quarantined.count == outcome.records,
            "\(name): \(outcome.incidents.count) incidents + \(outcome.quarantined.count) quarantined != \(outcome.records) records")
        guard let decoded = try? CSVReaderFuzzing.wholeInput(input) else {
            invariant(false, "\(name): the import succeeded on input that does not decode")
            return
        }
        var reader = CSVReader(bytes: decoded, dialect: format.dialect)
        var found = 0
        while reader.nextRecordBytes() != nil { found += 1 }
        if format.hasHeader { found = max(0, found - 1) }
        invariant(
            outcome.records + outcome.annotations == found,
            "\(name): \(outcome.records) records + \(outcome.annotations) annotations accounted for, the file holds \(found)")
    }

    private func checkJSON(_ incident: Incident) {
        let json = incident.canonicalJSON
        let id = incident.id
        let encoded = try? TruceJSON.string(incident)
        invariant(encoded == json, "\(id): canonical JSON differs from the encoder's: \(Self.firstDifference(json, encoded ?? "(encoding failed)"))")
        let decoded = Incident(canonicalJSON: json) ?? (try? TruceJSON.decoder().decode(Incident.self, from: Data(json.utf8)))
        invariant(decoded != nil, "\(id): canonical JSON does not read back: \(json)")
        invariant(decoded == incident, "\(id): canonical JSON reads back different: \(json)")
    }
}

extension DatasetFuzzing {
    /// Both texts around the first character where they differ, on one line.
    static func firstDifference(_ left: String, _ right: String) -> String {
        let (left, right) = (Array(left), Array(right))
        let index = zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(left.count, right.count)
        func around(_ text: [Character]) -> String {
            String(text[max(0, index - 80)..<min(text.count, index + 40)])
        }
        return "…\(around(left))… against …\(around(right))…"
    }
}

extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
