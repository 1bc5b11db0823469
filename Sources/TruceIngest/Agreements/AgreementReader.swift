import Foundation
import TruceCore
import Yams

/// Reads one agreement from YAML text, reporting every problem with file, line and field.
///
/// ```swift
/// let result = AgreementReader.read(yaml: text, file: "energy.yaml")
/// for problem in result.diagnostics { print(problem) }   // energy.yaml:14: window.end: ...
/// ```
public enum AgreementReader {
    /// The outcome of reading one file: the agreement when it has no errors, and every diagnostic.
    public struct Result: Sendable {
        public var agreement: Agreement?
        public var diagnostics: [Diagnostic]
        /// The line of the `id:` key, for cross-file checks.
        public var idLine: Int?
    }

    static let topLevelKeys = [
        "id", "title", "kind", "summary", "time_zone", "parties", "window", "clauses", "scope", "status", "conditions",
        "sources",
    ]

    /// Reads an agreement from `yaml`, naming `file` in diagnostics. Never throws: malformed YAML is a diagnostic.
    public static func read(yaml: String, file: String) -> Result {
        var reading = YAMLReading(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            reading.diagnostics.append(yamlSyntaxDiagnostic(error, file: file, yaml: yaml))
            return Result(agreement: nil, diagnostics: reading.diagnostics)
        } catch {
            reading.error("cannot be read as YAML: \(error)", at: nil, field: "")
            return Result(agreement: nil, diagnostics: reading.diagnostics)
        }
        guard let root else {
            reading.error("the file is empty", at: nil, field: "")
            return Result(agreement: nil, diagnostics: reading.diagnostics)
        }
        guard let fields = reading.mapping(root, field: "", allowed: topLevelKeys) else {
            return Result(agreement: nil, diagnostics: reading.diagnostics)
        }
        let agreement = readAgreement(fields, file: file, reading: &reading)
        let ok = !reading.diagnostics.containsErrors
        return Result(agreement: ok ? agreement : nil, diagnostics: reading.diagnostics, idLine: fields.values["id"]?.mark?.line)
    }

    private static func readAgreement(_ fields: Fields, file: String, reading: inout YAMLReading) -> Agreement? {
        let id = reading.string(fields, "id", required: true)
        if let id, !id.isSlug {
            reading.error("\"\(id)\" must be lower-case letters, digits and hyphens", at: fields.values["id"], field: "id")
        }
        let baseName = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        if let id, id.isSlug, baseName != id, file != "-" {
            reading.warning("id \"\(id)\" differs from the file name \"\(baseName)\"", at: fields.values["id"], field: "id")
        }
        let title = reading.string(fields, "title", required: true)
        let kind = reading.value(fields, "kind", as: AgreementKind.self, required: true)
        let summary = reading.string(fields, "summary")
        let zone = reading.zone(fields, "time_zone", required: true)
        let parties = readParties(fields, reading: &reading)
        let known = Set(parties.map(\.id))
        let (window, partyWindows) = readWindow(fields, kind: kind, zone: zone, known: known, reading: &reading)
        let clauses = readClauses(fields, reading: &reading)
        let scope = ScopeReader.read(fields, reading: &reading)
        let status = readStatus(fields, zone: zone, known: known, reading: &reading)
        let conditions = readConditions(fields, known: known, reading: &reading)
        let sources = reading.sequence(fields, "sources").compactMap { reading.source($0.node, field: $0.field) }
        guard let id, let title, let kind, let zone, let window else { return nil }
        return Agreement(
            id: id, title: title, kind: kind, summary: summary, timeZone: zone, parties: parties, window: window,
            partyWindows: partyWindows, clauses: clauses, scope: scope, statusHistory: status, conditions: conditions,
            sources: sources)
    }

    private static func readParties(_ fields: Fields, reading: inout YAMLReading) -> [AgreementParty] {
        var parties: [AgreementParty] = []
        for item in reading.sequence(fields, "parties", required: true) {
            guard let party = reading.mapping(item.node, field: item.field, allowed: ["id", "name", "role"]) else { continue }
            let id = reading.string(party, "id", required: true)
            let name = reading.string(party, "name", required: true)
            let role = reading.value(party, "role", as: PartyRole.self, required: true)
            guard let id else { continue }
            let idField = join(item.field, "id")
            if !PartyID.isWellFormed(id) {
                reading.error("\"\(id)\" must be upper-case letters, digits and underscores", at: party.values["id"], field: idField)
            } else if parties.contains(where: { $0.id.rawValue == id }) {
                reading.error("party \"\(id)\" is listed twice", at: party.values["id"], field: idField)
            }
            if let name, let role { parties.append(AgreementParty(id: PartyID(id), name: name, role: role)) }
        }
        return parties
    }

    /// Reads a party reference and checks that the agreement lists it.
    static func partyReference(
        _ fields: Fields, _ key: String, known: Set<PartyID>, required: Bool, reading: inout YAMLReading
    ) -> PartyID? {
        guard let text = reading.string(fields, key, required: required) else { return nil }
        let party = PartyID(text)
        if !known.contains(party) {
            let listed = known.sorted().map(\.rawValue).joined(separator: ", ")
            reading.error(
                "party \"\(text)\" is not defined in parties (defined: \(listed.isEmpty ? "none" : listed))",
                at: fields.values[key], field: join(fields.path, key))
            return nil
        }
        return party
    }

    private static func readWindow(
        _ fields: Fields, kind: AgreementKind?, zone: ZoneIdentifier?, known: Set<PartyID>, reading: inout YAMLReading
    ) -> (AgreementWindow?, [PartyWindow]) {
        guard let node = fields.values["window"] else {
            reading.error("is required", at: fields.node, field: "window")
            return (nil, [])
        }
        let keys = ["start", "end", "duration", "time_zone", "note", "source", "by_party"]
        guard let window = reading.mapping(node, field: "window", allowed: keys) else { return (nil, []) }
        let start = reading.statedTime(window, "start", required: kind != nil && kind != .proposal)
        let ownZone = reading.zone(window, "time_zone")
        let end = readEnd(window, start: start, zone: ownZone ?? zone, reading: &reading)
        let result = AgreementWindow(
            start: start, end: end ?? .open, timeZone: ownZone, note: reading.string(window, "note"),
            source: reading.source(window, "source"))
        var partyWindows: [PartyWindow] = []
        for item in reading.sequence(window, "by_party") {
            let allowed = ["party", "start", "end", "duration", "time_zone", "note", "source"]
            guard let entry = reading.mapping(item.node, field: item.field, allowed: allowed) else { continue }
            let party = partyReference(entry, "party", known: known, required: true, reading: &reading)
            let partyStart = reading.statedTime(entry, "start")
            let partyZone = reading.zone(entry, "time_zone")
            let partyEnd = readEnd(entry, start: partyStart ?? start, zone: partyZone ?? ownZone ?? zone, reading: &reading)
            if let party, partyWindows.contains(where: { $0.party == party }) {
                reading.error("party \"\(party)\" has two windows", at: entry.values["party"], field: join(item.field, "party"))
            }
            guard let party else { continue }
            partyWindows.append(
                PartyWindow(
                    party: party, start: partyStart, end: partyEnd, timeZone: partyZone, note: reading.string(entry, "note"),
                    source: reading.source(entry, "source")))
        }
        return (result, partyWindows)
    }

    /// Reads `end` or `duration` (never both) and checks the end comes after `start`.
    private static func readEnd(
        _ fields: Fields, start: StatedTime?, zone: ZoneIdentifier?, reading: inout YAMLReading
    ) -> AgreementWindow.End? {
        let end = reading.statedTime(fields, "end")
        var duration: CalendarDuration?
        if let text = reading.string(fields, "duration") {
            duration = CalendarDuration(parsing: text)
            if duration == nil {
                reading.error(
                    "\"\(text)\" is not a duration (expected e.g. 30d, 72h, 1d12h)", at: fields.values["duration"],
                    field: join(fields.path, "duration"))
            }
        }
        if end != nil, duration != nil {
            reading.error("give either end or duration, not both", at: fields.values["duration"], field: join(fields.path, "duration"))
            return nil
        }
        if let end, let start, let zone, end.instant(in: zone) <= start.instant(in: zone) {
            reading.error(
                "end \(end) is not after start \(start)", at: fields.values["end"], field: join(fields.path, "end"))
        }
        if let end { return .at(end) }
        if let duration { return .after(duration) }
        return nil
    }

    private static func readClauses(_ fields: Fields, reading: inout YAMLReading) -> [Clause] {
        reading.sequence(fields, "clauses").compactMap { item in
            guard let clause = reading.mapping(item.node, field: item.field, allowed: ["kind", "text", "source"]) else {
                return nil
            }
            let kind = reading.value(clause, "kind", as: Clause.Kind.self, required: true)
            let text = reading.string(clause, "text", required: true)
            guard let kind, let text else { return nil }
            return Clause(kind: kind, text: text, source: reading.source(clause, "source"))
        }
    }

    private static func readStatus(
        _ fields: Fields, zone: ZoneIdentifier?, known: Set<PartyID>, reading: inout YAMLReading
    ) -> [StatusEvent] {
        var events: [StatusEvent] = []
        var previous: Date?
        for item in reading.sequence(fields, "status", required: true) {
            guard let (event, atNode) = readStatusEvent(item.node, field: item.field, known: known, reading: &reading) else { continue }
            if let zone {
                let instant = event.at.instant(in: zone)
                if let previous, instant < previous {
                    reading.error(
                        "status events must be in time order; \(event.at) comes before the one above", at: atNode, field: join(item.field, "at"))
                }
                previous = instant
            }
            events.append(event)
        }
        return events
    }

    /// Reads one status event, `at`, `status`, `party`, `note` and `source`, naming `field` in diagnostics; with
    /// the node of its `at` for diagnostics about its place in time.
    static func readStatusEvent(
        _ node: Node, field: String, known: Set<PartyID>, reading: inout YAMLReading
    ) -> (StatusEvent, Node?)? {
        let keys = ["at", "status", "party", "note", "source"]
        guard let entry = reading.mapping(node, field: field, allowed: keys) else { return nil }
        let at = reading.statedTime(entry, "at", required: true)
        let status = reading.value(entry, "status", as: AgreementStatus.self, required: true)
        let party = partyReference(entry, "party", known: known, required: false, reading: &reading)
        let source = reading.source(entry, "source")
        if source == nil, entry.values["source"] == nil {
            reading.warning("status event has no source", at: node, field: field)
        }
        guard let at, let status else { return nil }
        return (StatusEvent(at: at, status: status, party: party, note: reading.string(entry, "note"), source: source), entry.values["at"])
    }

    private static func readConditions(_ fields: Fields, known: Set<PartyID>, reading: inout YAMLReading) -> [Condition] {
        var conditions: [Condition] = []
        for item in reading.sequence(fields, "conditions") {
            let keys = ["id", "holder", "kind", "text", "state", "source"]
            guard let entry = reading.mapping(item.node, field: item.field, allowed: keys) else { continue }
            let id = reading.string(entry, "id", required: true)
            if let id, !id.isSlug {
                reading.error("\"\(id)\" must be lower-case letters, digits and hyphens", at: entry.values["id"], field: join(item.field, "id"))
            } else if let id, conditions.contains(where: { $0.id == id }) {
                reading.error("condition \"\(id)\" is listed twice", at: entry.values["id"], field: join(item.field, "id"))
            }
            let holder = partyReference(entry, "holder", known: known, required: true, reading: &reading)
            let kind = reading.value(entry, "kind", as: Condition.Kind.self, required: true)
            let text = reading.string(entry, "text", required: true)
            let state = reading.value(entry, "state", as: Condition.State.self, required: true)
            guard let id, let holder, let kind, let text, let state else { continue }
            conditions.append(
                Condition(id: id, holder: holder, kind: kind, text: text, state: state, source: reading.source(entry, "source")))
        }
        return conditions
    }

    static func yamlSyntaxDiagnostic(_ error: YamlError, file: String, yaml: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem
            return Diagnostic(
                file: file, line: mark.line, field: enclosingKey(ofLine: mark.line, in: yaml), message: "invalid YAML: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                file: file, line: context.mark.line, field: duplicates.joined(separator: ", "),
                message: "key appears more than once in the same mapping")
        case .reader(let problem, _, _, _):
            return Diagnostic(file: file, line: nil, field: "", message: "cannot be read as text: \(problem)")
        default:
            return Diagnostic(file: file, line: nil, field: "", message: "invalid YAML: \(error)")
        }
    }

    /// The top-level key whose section holds `line` (1-based), so a syntax error still names a field.
    static func enclosingKey(ofLine line: Int, in yaml: String) -> String {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        for index in stride(from: min(line, lines.count) - 1, through: 0, by: -1) {
            let text = lines[index]
            guard let first = text.first, first.isLetter, let colon = text.firstIndex(of: ":") else { continue }
            return String(text[..<colon])
        }
        return ""
    }
}
