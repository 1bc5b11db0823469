import Foundation
import Testing
import TruceApp
import TruceCore
import TruceStore

@Suite("Authorization: roles × permissions, agreement scope and public access")
struct AuthorizationTests {
    /// The policy, written out cell by cell: A admin, N analyst, M monitor, V viewer.
    static let table: [(Permission, String)] = [
        (.readAgreements, "ANMV"), (.readIncidents, "ANMV"), (.readVerdicts, "ANMV"), (.editAgreements, "A"), (.editIncidents, "AN"),
        (.runImports, "AN"), (.runAdjudication, "AN"), (.review, "AN"), (.submitObservations, "ANM"), (.manageUsers, "A"),
        (.manageSettings, "A"), (.readAudit, "A"),
    ]
    static let letters: [Role: Character] = [.admin: "A", .analyst: "N", .monitor: "M", .viewer: "V"]

    static func principal(_ role: Role, scope: [AgreementID] = []) -> Principal {
        Principal(userID: 1, name: role.rawValue, role: role, agreementScope: scope, credential: .session)
    }

    @Test("every role × permission cell is as the table says", arguments: Role.allCases)
    func policyTable(role: Role) {
        #expect(Set(Self.table.map(\.0)) == Set(Permission.allCases), "the table covers every permission")
        let authorization = Authorization()
        for (permission, roles) in Self.table {
            let expected = roles.contains(Self.letters[role]!)
            #expect(authorization.allows(permission, by: Self.principal(role)) == expected, "\(role) \(permission)")
            #expect(Authorization.permissions(of: role).contains(permission) == expected)
            if !expected {
                #expect(throws: AccessDenied(permission, reason: .roleLacks(role))) {
                    try authorization.require(permission, by: Self.principal(role))
                }
            }
        }
    }

    @Test("a scoped user reaches only their agreements; mission-wide permissions ignore scope")
    func scope() throws {
        let authorization = Authorization()
        let monitor = Self.principal(.monitor, scope: ["gaza-ceasefire-2025"])
        #expect(authorization.allows(.readIncidents, by: monitor, agreement: "gaza-ceasefire-2025"))
        #expect(
            throws: AccessDenied(.readIncidents, reason: .outsideScope(agreement: "energy-moratorium-2025")),
            performing: { try authorization.require(.readIncidents, by: monitor, agreement: "energy-moratorium-2025") })
        #expect(
            authorization.visibleAgreements(["energy-moratorium-2025", "gaza-ceasefire-2025"], to: monitor) == ["gaza-ceasefire-2025"])
        let scopedAdmin = Self.principal(.admin, scope: ["gaza-ceasefire-2025"])
        #expect(authorization.allows(.manageUsers, by: scopedAdmin))
        #expect(!authorization.allows(.editAgreements, by: scopedAdmin, agreement: "energy-moratorium-2025"))
        #expect(authorization.visibleAgreements(["a", "b"], to: Self.principal(.viewer)) == ["a", "b"])
    }

    @Test("public access off: an anonymous request may do nothing and is told to sign in")
    func publicOff() {
        let authorization = Authorization(publicAccess: .off)
        for permission in Permission.allCases {
            #expect(throws: AccessDenied(permission, reason: .signInRequired)) { try authorization.require(permission, by: nil) }
        }
        #expect(!authorization.allowsVerdict(on: "x", evidence: .verified, by: nil))
        #expect(throws: AccessDenied.self) { try authorization.minimumEvidence(for: nil) }
    }

    @Test(
        "public access on: anyone reads agreements and the verdicts at or above the chosen evidence level, nothing else",
        arguments: EvidenceLevel.allCases)
    func publicOn(minimum: EvidenceLevel) throws {
        let authorization = Authorization(publicAccess: .agreementsAndVerdicts(minimumEvidence: minimum))
        #expect(authorization.publicPermissions == [.readAgreements, .readVerdicts])
        for permission in Permission.allCases {
            #expect(authorization.allows(permission, by: nil) == [.readAgreements, .readVerdicts].contains(permission), "\(permission)")
        }
        #expect(try authorization.minimumEvidence(for: nil) == minimum)
        #expect(try authorization.minimumEvidence(for: Self.principal(.viewer)) == nil, "signed-in users see every level")
        for level in EvidenceLevel.allCases {
            #expect(authorization.allowsVerdict(on: "x", evidence: level, by: nil) == (level >= minimum), "\(level)")
            #expect(authorization.allowsVerdict(on: "x", evidence: level, by: Self.principal(.monitor)))
        }
        #expect(!authorization.allowsVerdict(on: "x", evidence: .verified, by: Self.principal(.monitor, scope: ["y"])))
    }
}
