/// What a signed-in person may do on a mission's server, from most to least: each role's permissions are set
/// by the authorisation policy, not by the store.
public enum Role: String, CaseIterable, Hashable, Codable, Sendable, CustomStringConvertible {
    /// Manages users, agreements and settings, and reads the audit trail.
    case admin
    /// Edits incidents, reviews, runs imports and adjudication.
    case analyst
    /// Submits observations from the field and reads what their scope allows.
    case monitor
    /// Reads everything their scope allows, changes nothing.
    case viewer

    public var description: String { rawValue }
}
