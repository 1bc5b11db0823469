import TruceCore
import Yams

/// Reads one status event of an agreement from YAML (or JSON) text, with the checks the agreement file's
/// `status` entries get: a date, a known status, a party of the agreement, a source.
///
/// ```swift
/// let result = StatusEventReader.read(yaml: "at: 2025-04-01\nstatus: suspended\n...", file: "request", for: agreement)
/// ```
public enum StatusEventReader {
    /// The event when it has no errors, and every diagnostic.
    public struct Result: Sendable {
        public var event: StatusEvent?
        public var diagnostics: [Diagnostic]
    }

    /// Reads an event from `yaml` for `agreement` (its parties are the ones an event may name), naming `file`
    /// in diagnostics. Never throws: malformed YAML is a diagnostic.
    public static func read(yaml: String, file: String, for agreement: Agreement) -> Result {
        var reading = YAMLReading(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return Result(event: nil, diagnostics: [AgreementReader.yamlSyntaxDiagnostic(error, file: file, yaml: yaml)])
        } catch {
            reading.error("cannot be read as YAML: \(error)", at: nil, field: "")
            return Result(event: nil, diagnostics: reading.diagnostics)
        }
        guard let root else {
            reading.error("the status event is empty", at: nil, field: "")
            return Result(event: nil, diagnostics: reading.diagnostics)
        }
        let known = Set(agreement.parties.map(\.id))
        let event = AgreementReader.readStatusEvent(root, field: "", known: known, reading: &reading)?.0
        return Result(event: reading.diagnostics.containsErrors ? nil : event, diagnostics: reading.diagnostics)
    }
}

extension Agreement {
    /// The agreement with `event` in its status history, after every event at or before its time (in the
    /// agreement's time zone), so the history stays in time order.
    public func adding(_ event: StatusEvent) -> Agreement {
        var agreement = self
        let instant = event.at.instant(in: timeZone)
        let position = statusHistory.firstIndex { $0.at.instant(in: timeZone) > instant } ?? statusHistory.endIndex
        agreement.statusHistory.insert(event, at: position)
        return agreement
    }
}
