import Crypto
import Foundation
import TruceCore
import TruceStore

/// What a monitor saw, submitted from the field: it becomes an incident like any imported record, kept with the
/// submission verbatim as its source record and the monitor's claim, and is linked and judged as the others are.
///
/// A submission is a JSON object with the fields of an incident's canonical JSON that say what happened (``fields``):
/// when (`time`: a span in UTC with its precision and zone), where (`location`), what (`action`, `outcome`, `acts`,
/// `target`, `description`), who is said to have done it and by whom (`perpetrator`), and its toll (`effects`).
/// Truce sets the rest: the id, the claim and the source record. A member `evidence` may name files sent before
/// (``submit(_:idempotencyKey:evidenceIn:by:in:now:)``). A new observation waits in the review queue, unreviewed.
///
/// Each submission carries an idempotency key chosen by the sender (a form made offline keeps its key until it is
/// sent): the same key from the same user gives the same observation however often it arrives.
///
/// ```swift
/// let body = Data(#"{"time": {...}, "location": {...}, "target": {"category": "energy"}, "description": "..."}"#.utf8)
/// let submitted = try Observations.submit(body, idempotencyKey: "3f2a…", by: author, in: store)
/// ```
public enum Observations {
    /// The fields a submission may give.
    public static let fields: Set<String> = ["time", "location", "action", "outcome", "acts", "target", "perpetrator", "effects", "description"]
    /// The fields Truce sets: a submission giving one is refused.
    public static let setByTruce: Set<String> = ["id", "claims", "sources"]
    /// The dataset an observation's source record names.
    public static let dataset = "observation"
    /// The longest idempotency key taken, in bytes.
    public static let maxKeyBytes = 200

    /// A submission stored, or found stored already under its idempotency key.
    public struct Submitted: Sendable {
        public var incident: Incident
        /// `false` when the same submission had been stored before (sent again).
        public var isNew: Bool
    }

    /// The same user sent another submission under an idempotency key already used.
    public struct Conflict: Error, Hashable, Sendable, CustomStringConvertible {
        public var idempotencyKey: String
        public var observation: IncidentID

        public init(idempotencyKey: String, observation: IncidentID) {
            self.idempotencyKey = idempotencyKey
            self.observation = observation
        }

        public var description: String {
            "the idempotency key \(idempotencyKey.debugDescription) was used for observation \(observation) with other content; "
                + "send a new key for a new observation"
        }
    }

    /// The id of the observation `user` submits under `idempotencyKey`: `obs:` and 20 hex digits of a SHA-256 of
    /// both, so that neither is shown in it.
    public static func id(idempotencyKey: String, user: String) -> IncidentID {
        let digest = SHA256.hash(data: Data((user + "\u{0}" + idempotencyKey).utf8))
        return "obs:" + digest.prefix(10).lowercaseHex
    }

    /// The incident a submission becomes: its fields as given, the monitor's claim (blaming the perpetrator given,
    /// if any), and the submission verbatim as its source record. The claim and the record name the monitor by
    /// `pseudonym` only (``StoredUser/pseudonym``): every reader sees them, and a monitor's name can endanger them;
    /// the audit trail keeps who submitted it.
    /// - Parameter evidence: the evidence files sent with it, named in its source record.
    /// - Throws: ``IncidentEdits/Rejected`` naming the field at fault; nothing is stored.
    public static func incident(
        from body: Data, idempotencyKey: String, evidence: [StoredEvidence] = [], by author: ChangeAuthor, pseudonym: String, at instant: Date
    ) throws -> Incident {
        try check(idempotencyKey)
        guard let given = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw IncidentEdits.Rejected(field: "body", message: "is not a JSON object")
        }
        for key in given.keys.sorted() where key != "evidence" {
            if setByTruce.contains(key) { throw IncidentEdits.Rejected(field: key, message: "is set by Truce, not by a submission") }
            if !fields.contains(key) { throw IncidentEdits.Rejected(field: key, message: "is not a field of an observation") }
        }
        let monitor = "Monitor \(pseudonym)"
        var object = given
        object["evidence"] = nil  // named in the source record, not a field of the incident
        object["id"] = id(idempotencyKey: idempotencyKey, user: author.name)
        object["target"] = given["target"] ?? [String: Any]()
        object["effects"] = given["effects"] ?? [String: Any]()
        object["description"] = given["description"] ?? ""
        object["claims"] = [[String: Any]]()  // the monitor's, once the perpetrator is read
        object["sources"] = [[String: Any]]()
        var incident = try IncidentEdits.decoded(object)
        incident.claims = [Claim(claimant: monitor, accused: incident.perpetrator?.party)]
        incident.sources = [
            SourceRecord(
                dataset: dataset, file: "submitted by monitor \(pseudonym)", line: 1, key: idempotencyKey, release: instant.formatted(.iso8601),
                fields: [
                    SourceRecord.Field(name: "body", value: String(decoding: body, as: UTF8.self)),
                    SourceRecord.Field(name: "evidence", value: evidence.map(\.sha256).joined(separator: " ")),
                ])
        ]
        return incident
    }

    /// Stores the observation `author` submits, with an audit entry, unless the same submission (same user, key,
    /// body and evidence) is stored already, which is then returned as it is.
    /// - Throws: ``Conflict`` when the key was used with other content; ``IncidentEdits/Rejected`` as
    ///   ``incident(from:idempotencyKey:evidence:by:pseudonym:at:)``; whatever the store throws.
    public static func submit(
        _ body: Data, idempotencyKey: String, evidence: [StoredEvidence] = [], by author: ChangeAuthor, in store: some AccountStore,
        now: Date = Date()
    ) throws -> Submitted {
        // A submission from no stored user (a script of the command line's) is named as such.
        let pseudonym = try store.user(named: author.name)?.pseudonym ?? "unregistered"
        let incident = try incident(from: body, idempotencyKey: idempotencyKey, evidence: evidence, by: author, pseudonym: pseudonym, at: now)
        return try store.write { transaction in
            if let stored = try transaction.incident(id: incident.id) {
                guard stored.sources.first?.fields == incident.sources.first?.fields else {
                    throw Conflict(idempotencyKey: idempotencyKey, observation: incident.id)
                }
                return Submitted(incident: stored, isNew: false)
            }
            _ = try transaction.save(incidents: [incident])
            try Reviews.enqueue(incident.id, in: transaction, at: now)
            try transaction.append(
                AuditTrail.entry(
                    by: author, action: "observations.submit", recordKind: "incident", recordID: incident.id, before: Incident?.none,
                    after: incident, at: now))
            return Submitted(incident: incident, isNew: true)
        }
    }

    /// Stores the observation `author` submits as ``submit(_:idempotencyKey:evidence:by:in:now:)`` does, its
    /// evidence named in the submission: a member `evidence` of the body, an array of the SHA-256 names of files
    /// sent before (``EvidenceFiles/keep(_:declaredType:)``). The body is kept verbatim, that member included.
    /// - Throws: ``IncidentEdits/Rejected`` (field `evidence`) when the member is not such an array or names a
    ///   file not kept; otherwise as the other `submit`.
    public static func submit(
        _ body: Data, idempotencyKey: String, evidenceIn files: EvidenceFiles, by author: ChangeAuthor, in store: some AccountStore,
        now: Date = Date()
    ) throws -> Submitted {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any], let named = object["evidence"] else {
            return try submit(body, idempotencyKey: idempotencyKey, by: author, in: store, now: now)
        }
        guard let names = named as? [String], names.count <= maxEvidenceFiles else {
            throw IncidentEdits.Rejected(field: "evidence", message: "is an array of at most \(maxEvidenceFiles) SHA-256 names of files sent before")
        }
        var evidence: [StoredEvidence] = []
        for name in names where !evidence.contains(where: { $0.sha256 == name }) {
            do {
                evidence.append(try files.evidence(named: name))
            } catch {
                throw IncidentEdits.Rejected(field: "evidence", message: "names \(name.debugDescription), which is not a file kept (\(error))")
            }
        }
        return try submit(body, idempotencyKey: idempotencyKey, evidence: evidence, by: author, in: store, now: now)
    }

    /// The most evidence files one observation names.
    public static let maxEvidenceFiles = 20

    /// Refuses an empty, overlong or unprintable idempotency key.
    private static func check(_ key: String) throws {
        guard !key.isEmpty, key.utf8.count <= maxKeyBytes, key.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value < 0x7F }) else {
            throw IncidentEdits.Rejected(
                field: "idempotencyKey", message: "is 1 to \(maxKeyBytes) printable ASCII characters without spaces (e.g. a UUID)")
        }
    }
}
