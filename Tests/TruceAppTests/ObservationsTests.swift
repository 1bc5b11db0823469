import Foundation
import Testing
import TruceApp
import TruceCore
import TruceIngest
import TruceStore

@Suite("Monitors' observations")
struct ObservationsTests {
    static let monitor = ChangeAuthor(name: "boris", role: .monitor, requestID: "req-9")
    static let submittedAt = Date(timeIntervalSince1970: 1_742_500_000)

    /// A drone strike on a Kharkiv substation during the energy moratorium, blamed on Russia by local officials.
    static let body = Data(
        #"""
        {"time": {"span": {"start": "2025-03-22T01:40:00Z", "end": "2025-03-22T01:50:00Z"}, "precision": "minute", "timeZone": "Europe/Kyiv"},
         "location": {"country": "UA", "admin1": "Kharkiv Oblast", "place": "Kharkiv", "coordinate": {"latitude": 49.98, "longitude": 36.25},
                      "precision": "locality"},
         "action": "drone_strike", "target": {"category": "energy", "subtype": "substation"},
         "perpetrator": {"party": "RU", "attributedBy": "Kharkiv city officials"}, "effects": {"injured": 1},
         "description": "Two drones hit the substation on the city's eastern edge; fire seen from the road."}
        """#.utf8)

    @Test("a submission becomes an incident with the monitor's claim and the submission verbatim, audited, and is judged")
    func submissionIsStoredAuditedAndJudged() throws {
        let (store, _) = try AppFixtures.adjudicatedStore()
        let boris = try Accounts(store: store, policy: PasswordPolicy(minimumLength: 12, bcryptCost: 4)).add(
            NewAccount(name: "boris", role: .monitor, password: "a long passphrase"), by: ChangeAuthor.commandLine(osUser: "test"))
        let pseudonym = try #require(try store.user(named: "boris")?.pseudonym)
        #expect(pseudonym.count == 10 && boris.pseudonym == pseudonym)
        let photo = StoredEvidence(sha256: String(repeating: "a", count: 64), kind: .jpeg, size: 10, publishedSHA256: nil, originalMetadata: [])
        let submitted = try Observations.submit(
            Self.body, idempotencyKey: "5b0e1c52-7d1f-4a0e-9d7e-3c1b2f6a9e10", evidence: [photo], by: Self.monitor, in: store, now: Self.submittedAt)
        #expect(submitted.isNew)
        let incident = submitted.incident
        #expect(incident.id == Observations.id(idempotencyKey: "5b0e1c52-7d1f-4a0e-9d7e-3c1b2f6a9e10", user: "boris"))
        #expect(incident.id.hasPrefix("obs:") && incident.id.count == 24 && !incident.id.contains("boris"))
        // Readers see the monitor's pseudonym, never their name; the audit trail keeps who it was.
        #expect(incident.claims == [Claim(claimant: "Monitor \(pseudonym)", accused: "RU")])
        #expect(incident.sources.first?.file == "submitted by monitor \(pseudonym)")
        #expect(!String(decoding: try TruceJSON.encoder().encode(incident), as: UTF8.self).contains("boris"))
        #expect(incident.perpetrator == Attribution(party: "RU", attributedBy: "Kharkiv city officials"))
        #expect(incident.target.category == .energy && incident.effects.injured == 1 && incident.action == .droneStrike)
        let source = try #require(incident.sources.first)
        #expect(source.dataset == "observation" && source.key == "5b0e1c52-7d1f-4a0e-9d7e-3c1b2f6a9e10" && source.release == "2025-03-20T19:46:40Z")
        #expect(source.fields.first { $0.name == "body" }?.value == String(decoding: Self.body, as: UTF8.self))
        #expect(source.fields.first { $0.name == "evidence" }?.value == photo.sha256)
        #expect(try store.incidents(ids: [incident.id], detail: .full).first == incident)

        let entries = try AuditTrail(store: store).list(AuditQuery(recordKind: "incident", recordID: incident.id))
        #expect(entries.map(\.action) == ["observations.submit"] && entries.first?.actor == "boris" && entries.first?.before == nil)

        _ = try Adjudicating.run(store: store, all: false)
        let verdicts = try store.verdicts(matching: VerdictQuery(agreement: "energy-moratorium-2025"))
        let verdict = try #require(verdicts.first { $0.verdict.incident == incident.id })
        #expect(verdict.verdict.kind == .violation)
    }

    @Test("the same submission sent twice is one observation; the same key with other content is a conflict")
    func idempotencyKey() throws {
        let (store, _) = try AppFixtures.adjudicatedStore()
        let first = try Observations.submit(Self.body, idempotencyKey: "offline-draft-17", by: Self.monitor, in: store, now: Self.submittedAt)
        let again = try Observations.submit(Self.body, idempotencyKey: "offline-draft-17", by: Self.monitor, in: store, now: Date())
        #expect(first.isNew && !again.isNew && again.incident == first.incident)
        let other = Data(String(decoding: Self.body, as: UTF8.self).replacingOccurrences(of: "Two drones", with: "Three drones").utf8)
        #expect(throws: Observations.Conflict(idempotencyKey: "offline-draft-17", observation: first.incident.id)) {
            try Observations.submit(other, idempotencyKey: "offline-draft-17", by: Self.monitor, in: store)
        }
        // Another monitor's key of the same text is another observation.
        let colleague = ChangeAuthor(name: "olena", role: .monitor)
        let theirs = try Observations.submit(Self.body, idempotencyKey: "offline-draft-17", by: colleague, in: store)
        #expect(theirs.isNew && theirs.incident.id != first.incident.id)
        #expect(try AuditTrail(store: store).list(AuditQuery(recordKind: "incident")).count == 2)
        #expect(try store.incidents(ids: [first.incident.id, theirs.incident.id], detail: .full).count == 2)
    }

    @Test("fields Truce sets, unknown fields, a missing time or place, bad values and bad keys are refused by field, storing nothing")
    func refusals() throws {
        let (store, _) = try AppFixtures.adjudicatedStore()
        let object = try #require(try JSONSerialization.jsonObject(with: Self.body) as? [String: Any])
        func body(_ change: (inout [String: Any]) -> Void) throws -> Data {
            var copy = object
            change(&copy)
            return try JSONSerialization.data(withJSONObject: copy)
        }
        let cases: [(Data, String, String)] = [
            (try body { $0["id"] = "obs:mine" }, "k1", "id"),
            (try body { $0["claims"] = [] as [Any] }, "k2", "claims"),
            (try body { $0["colour"] = "red" }, "k3", "colour"),
            (try body { $0["time"] = nil }, "k4", "time"),
            (try body { $0["location"] = nil }, "k5", "location"),
            (try body { $0["acts"] = 0 }, "k6", "acts"),
            (try body { $0["description"] = 5 }, "k7", "description"),
            (Data("[1]".utf8), "k8", "body"),
            (Self.body, "", "idempotencyKey"),
            (Self.body, "has space", "idempotencyKey"),
            (Self.body, String(repeating: "k", count: 201), "idempotencyKey"),
        ]
        for (data, key, field) in cases {
            do {
                _ = try Observations.submit(data, idempotencyKey: key, by: Self.monitor, in: store)
                Issue.record("\(field): accepted")
            } catch let rejected as IncidentEdits.Rejected {
                #expect(rejected.field == field, "\(rejected)")
            }
        }
        #expect(try AuditTrail(store: store).list(AuditQuery(recordKind: "incident")).isEmpty)
        #expect(try store.coverage().allSatisfy { $0.dataset != "observation" })
    }
}
