import Foundation
import Testing
import TruceApp
import TruceCore
import TruceStore

@Suite("An analyst's corrections of incidents, as merge patches")
struct IncidentEditsTests {
    static let author = ChangeAuthor(name: "amina", role: .analyst, requestID: "req-7")
    static let action = "PATCH /api/v1/incidents/{id}"

    @Test("a patch changes the fields it names, keeps the version it replaces in the history, and audits both")
    func patchIsSavedWithHistoryAndAudit() throws {
        let (store, _) = try AppFixtures.adjudicatedStore()
        let before = try #require(try store.incidents(ids: ["app-001"], detail: .full).first)
        let patch =
            #"{"perpetrator": {"party": "UA", "attributedBy": "Mission analyst"}, "outcome": "intercepted", "target": {"name": "Substation 3"}}"#
        let edited = try IncidentEdits.apply(Data(patch.utf8), to: "app-001", action: Self.action, by: Self.author, in: store)
        #expect(edited.perpetrator?.party == "UA" && edited.perpetrator?.attributedBy == "Mission analyst")
        #expect(edited.outcome == .intercepted)
        #expect(edited.target.name == "Substation 3" && edited.target.category == before.target.category, "an object is merged field by field")
        #expect(edited.sources == before.sources && edited.time == before.time)
        #expect(try store.incidents(ids: ["app-001"], detail: .full).first == edited)
        #expect(try store.history(of: "app-001") == [before])
        let entries = try AuditTrail(store: store).list(AuditQuery(recordKind: "incident", recordID: "app-001"))
        #expect(entries.count == 1)
        let (beforeJSON, afterJSON) = (try TruceJSON.string(before), try TruceJSON.string(edited))
        #expect(entries.first?.before == beforeJSON && entries.first?.after == afterJSON)
        #expect(entries.first?.actor == "amina" && entries.first?.action == Self.action && entries.first?.requestID == "req-7")
    }

    @Test("null removes an optional field; a patch that changes nothing saves nothing and writes no entry")
    func nullRemovesAndNoChangeIsNoWrite() throws {
        let (store, _) = try AppFixtures.adjudicatedStore()
        let removed = try IncidentEdits.apply(Data(#"{"perpetrator": null}"#.utf8), to: "app-002", action: Self.action, by: Self.author, in: store)
        #expect(removed.perpetrator == nil)
        let same = try IncidentEdits.apply(Data(#"{"perpetrator": null}"#.utf8), to: "app-002", action: Self.action, by: Self.author, in: store)
        #expect(same == removed)
        #expect(try AuditTrail(store: store).list(AuditQuery(recordKind: "incident")).count == 1)
        #expect(try store.history(of: "app-002").count == 1)
    }

    @Test("the id, the sources, unknown fields, wrong types, a required field removed and impossible values are refused by field")
    func refusedPatchesNameTheirField() throws {
        let (store, _) = try AppFixtures.adjudicatedStore()
        let cases: [(String, String)] = [
            (#"{"id": "other"}"#, "id"),
            (#"{"sources": []}"#, "sources"),
            (#"{"colour": "red"}"#, "colour"),
            (#"{"description": 5}"#, "description"),
            (#"{"description": null}"#, "description"),
            (#"{"acts": 0}"#, "acts"),
            (#"{"location": {"coordinate": {"latitude": 95, "longitude": 36}}}"#, "location.coordinate"),
            (#"{}"#, "body"),
            (#"[1, 2]"#, "body"),
        ]
        for (patch, field) in cases {
            #expect(throws: IncidentEdits.Rejected.self, "\(patch)") {
                try IncidentEdits.apply(Data(patch.utf8), to: "app-001", action: Self.action, by: Self.author, in: store)
            }
            do {
                try IncidentEdits.apply(Data(patch.utf8), to: "app-001", action: Self.action, by: Self.author, in: store)
            } catch let rejected as IncidentEdits.Rejected {
                #expect(rejected.field == field, "\(patch): \(rejected)")
            }
        }
        #expect(throws: NotFound.self) {
            try IncidentEdits.apply(Data(#"{"acts": 2}"#.utf8), to: "none", action: Self.action, by: Self.author, in: store)
        }
        #expect(try store.history(of: "app-001").isEmpty, "nothing was stored")
        #expect(try AuditTrail(store: store).list(AuditQuery(recordKind: "incident")).isEmpty)
    }

    @Test("every field of an incident's canonical JSON is either editable or fixed")
    func everyFieldIsEditableOrFixed() throws {
        let (store, _) = try AppFixtures.adjudicatedStore()
        var incident = try #require(try store.incidents(ids: ["app-001"], detail: .full).first)
        incident.outcome = .hit
        incident.acts = 3
        incident.claims = [Claim(claimant: "Ministry of Energy of Ukraine", claimantParty: "UA", accused: "RU")]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(incident.canonicalJSON.utf8)) as? [String: Any])
        #expect(Set(object.keys) == IncidentEdits.editableFields.union(IncidentEdits.fixedFields))
    }
}
