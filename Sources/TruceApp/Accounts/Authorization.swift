import TruceCore
import TruceStore

/// What a request may ask for.
public enum Permission: String, CaseIterable, Hashable, Codable, Sendable {
    case readAgreements
    case readIncidents
    case readVerdicts
    case editAgreements
    case editIncidents
    case runImports
    case runAdjudication
    /// Review incidents and verdicts (confirm, correct, comment).
    case review
    /// Submit observations from the field.
    case submitObservations
    case manageUsers
    case manageSettings
    case readAudit

    /// Whether the permission is about the agreements' record, so that a user's agreement scope limits it.
    /// Managing users and settings and reading the audit trail are mission-wide.
    public var concernsAgreements: Bool {
        switch self {
        case .manageUsers, .manageSettings, .readAudit: return false
        default: return true
        }
    }

    /// In words, e.g. `read verdicts`.
    public var summary: String {
        switch self {
        case .readAgreements: return "read agreements"
        case .readIncidents: return "read incidents"
        case .readVerdicts: return "read verdicts"
        case .editAgreements: return "edit agreements"
        case .editIncidents: return "edit incidents"
        case .runImports: return "run imports"
        case .runAdjudication: return "run adjudication"
        case .review: return "review"
        case .submitObservations: return "submit observations"
        case .manageUsers: return "manage users"
        case .manageSettings: return "manage settings"
        case .readAudit: return "read the audit trail"
        }
    }
}

/// Whether anyone may read without signing in, and what.
public enum PublicAccess: Hashable, Codable, Sendable {
    /// Only signed-in users read anything.
    case off
    /// Anyone may read what a viewer reads.
    case on
    /// Anyone may read agreements, and the verdicts whose evidence is at least `minimumEvidence`.
    case agreementsAndVerdicts(minimumEvidence: EvidenceLevel)
}

/// Who may do what: the role × permission policy, each user's agreement scope, and public access.
///
/// ```swift
/// let authorization = Authorization(publicAccess: .agreementsAndVerdicts(minimumEvidence: .corroborated))
/// try authorization.require(.editIncidents, by: principal, agreement: "gaza-ceasefire-2025")
/// ```
public struct Authorization: Hashable, Sendable {
    public var publicAccess: PublicAccess

    public init(publicAccess: PublicAccess = .off) {
        self.publicAccess = publicAccess
    }

    /// What each role may do. A monitor reads the record and submits observations; a viewer only reads.
    public static func permissions(of role: Role) -> Set<Permission> {
        let reading: Set<Permission> = [.readAgreements, .readIncidents, .readVerdicts]
        switch role {
        case .admin: return Set(Permission.allCases)
        case .analyst: return reading.union([.editIncidents, .runImports, .runAdjudication, .review, .submitObservations])
        case .monitor: return reading.union([.submitObservations])
        case .viewer: return reading
        }
    }

    /// What anyone may do without signing in.
    public var publicPermissions: Set<Permission> {
        switch publicAccess {
        case .off: return []
        case .on: return Self.permissions(of: .viewer)
        case .agreementsAndVerdicts: return [.readAgreements, .readVerdicts]
        }
    }

    /// Whether `principal` (`nil` for an anonymous request) may do `permission`, on the agreement `agreement`
    /// when one is named.
    public func allows(_ permission: Permission, by principal: Principal?, agreement: AgreementID? = nil) -> Bool {
        (try? require(permission, by: principal, agreement: agreement)) != nil
    }

    /// Throws unless `principal` (`nil` for an anonymous request) may do `permission`, on the agreement
    /// `agreement` when one is named.
    /// - Throws: ``AccessDenied`` saying why: no one signed in, the role, or the agreement scope.
    public func require(_ permission: Permission, by principal: Principal?, agreement: AgreementID? = nil) throws {
        guard let principal else {
            if publicPermissions.contains(permission) { return }
            throw AccessDenied(permission, reason: .signInRequired)
        }
        guard Self.permissions(of: principal.role).contains(permission) else { throw AccessDenied(permission, reason: .roleLacks(principal.role)) }
        if permission.concernsAgreements, let agreement, !principal.mayReach(agreement: agreement) {
            throw AccessDenied(permission, reason: .outsideScope(agreement: agreement))
        }
    }

    /// The lowest evidence level of the verdicts `principal` may read: `nil` for every level (signed-in users),
    /// the public setting's level for anonymous requests. Throws as ``require(_:by:agreement:)`` when verdicts
    /// cannot be read at all.
    public func minimumEvidence(for principal: Principal?) throws -> EvidenceLevel? {
        try require(.readVerdicts, by: principal)
        guard principal == nil, case .agreementsAndVerdicts(let minimum) = publicAccess else { return nil }
        return minimum
    }

    /// Whether `principal` may read a verdict on `agreement` whose evidence is `evidence`.
    public func allowsVerdict(on agreement: AgreementID, evidence: EvidenceLevel, by principal: Principal?) -> Bool {
        guard allows(.readVerdicts, by: principal, agreement: agreement) else { return false }
        if principal == nil, case .agreementsAndVerdicts(let minimum) = publicAccess { return evidence >= minimum }
        return true
    }

    /// The agreements of `ids` that `principal` may see, in their order.
    public func visibleAgreements(_ ids: [AgreementID], to principal: Principal?) -> [AgreementID] {
        ids.filter { allows(.readAgreements, by: principal, agreement: $0) }
    }
}
