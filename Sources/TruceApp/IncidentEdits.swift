import Foundation
import TruceCore
import TruceStore

/// An analyst's correction of an incident, as a JSON merge patch (RFC 7396) of its canonical JSON: a field
/// given replaces the stored one, `null` removes it, an object is merged field by field. The id and the source
/// records (kept verbatim) cannot be edited. The corrected incident replaces the stored one, which stays in its
/// history, with an audit entry holding both, in one transaction.
///
/// ```swift
/// let patch = Data(#"{"perpetrator": {"party": "UA", "attributedBy": "Mission analyst"}}"#.utf8)
/// let edited = try IncidentEdits.apply(patch, to: "acled:UKR123", action: "PATCH /api/v1/incidents/{id}", by: author, in: store)
/// ```
public enum IncidentEdits {
    /// The fields a patch may change: every field of an incident's canonical JSON but ``fixedFields``.
    public static let editableFields: Set<String> = [
        "time", "location", "action", "outcome", "acts", "target", "perpetrator", "effects", "description", "claims",
    ]
    /// The fields a patch may not touch: the id, and the source records, kept verbatim.
    public static let fixedFields: Set<String> = ["id", "sources"]

    /// Why a patch cannot be applied: the field at fault (a dotted path, e.g. `location.precision`) and what is
    /// wrong with it.
    public struct Rejected: Error, Hashable, Sendable, CustomStringConvertible {
        public var field: String
        public var message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }

        public var description: String { "\(field): \(message)" }
    }

    /// `incident` with `patch` applied.
    /// - Throws: ``Rejected`` when the patch is not a JSON object, names a field that is fixed or unknown, or
    ///   leaves a field the incident needs missing or of the wrong type.
    public static func patched(_ incident: Incident, with patch: Data) throws -> Incident {
        guard let changes = try? JSONSerialization.jsonObject(with: patch) as? [String: Any] else {
            throw Rejected(field: "body", message: "is not a JSON object")
        }
        guard !changes.isEmpty else { throw Rejected(field: "body", message: "changes nothing: name at least one field") }
        let stored = try JSONSerialization.jsonObject(with: Data(incident.canonicalJSON.utf8)) as? [String: Any] ?? [:]
        for key in changes.keys.sorted() {
            if fixedFields.contains(key) { throw Rejected(field: key, message: "cannot be edited") }
            if !editableFields.contains(key) { throw Rejected(field: key, message: "is not a field of an incident") }
        }
        var edited = try decoded(merge(changes, into: stored))
        edited.id = incident.id
        edited.sources = incident.sources
        return edited
    }

    /// The incident whose canonical JSON is `object`, checked as an edit is: the span's end not before its start,
    /// at least one act, a coordinate on the globe.
    /// - Throws: ``Rejected`` naming the first field missing, of the wrong type or out of range.
    static func decoded(_ object: [String: Any]) throws -> Incident {
        let data = try JSONSerialization.data(withJSONObject: object)
        let incident: Incident
        do {
            incident = try TruceJSON.decoder().decode(Incident.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw Rejected(field: path(context.codingPath + [key]), message: "is required")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw Rejected(field: path(context.codingPath), message: "has the wrong type")
        } catch let DecodingError.dataCorrupted(context) {
            throw Rejected(field: path(context.codingPath), message: context.debugDescription)
        }
        if let end = incident.time.span.end, end < incident.time.span.start {
            throw Rejected(field: "time.span.end", message: "is before time.span.start")
        }
        if let acts = incident.acts, acts < 1 { throw Rejected(field: "acts", message: "is at least 1") }
        if let coordinate = incident.location.coordinate, !(-90...90).contains(coordinate.latitude) || !(-180...180).contains(coordinate.longitude) {
            throw Rejected(field: "location.coordinate", message: "is outside latitude -90...90 or longitude -180...180")
        }
        return incident
    }

    /// Applies `patch` to the stored incident `id` and saves it, with an audit entry of `action` by `author`
    /// holding the incident before and after; a patch that changes nothing saves nothing and writes no entry.
    /// - Returns: the incident as stored now.
    /// - Throws: ``NotFound`` when there is no incident `id`; ``Rejected`` as ``patched(_:with:)``.
    @discardableResult
    public static func apply(
        _ patch: Data, to id: IncidentID, action: String, by author: ChangeAuthor, in store: some AccountStore, now: Date = Date()
    ) throws -> Incident {
        try store.write { transaction in
            guard let before = try transaction.incident(id: id) else { throw NotFound(.incident, id: id) }
            let after = try patched(before, with: patch)
            guard after != before else { return before }
            _ = try transaction.save(incidents: [after])
            try transaction.append(
                AuditTrail.entry(by: author, action: action, recordKind: "incident", recordID: id, before: before, after: after, at: now))
            return after
        }
    }

    /// `changes` merged into `target` as RFC 7396 says.
    private static func merge(_ changes: [String: Any], into target: [String: Any]) -> [String: Any] {
        var result = target
        for (key, value) in changes {
            if value is NSNull {
                result[key] = nil
            } else if let object = value as? [String: Any] {
                result[key] = merge(object, into: result[key] as? [String: Any] ?? [:])
            } else {
                result[key] = value
            }
        }
        return result
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        let path = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        return path.isEmpty ? "body" : path
    }
}
