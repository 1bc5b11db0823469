import Foundation

/// One write as the audit trail keeps it: who made it, in which role, when, through which action or route, on
/// which record, and the record's content before and after (JSON; `nil` where the record did not exist).
///
/// The trail is append-only: the store refuses to change or remove an entry.
public struct AuditEntry: Hashable, Codable, Sendable {
    /// The store's id, increasing in the order entries were written; `nil` before the entry is stored.
    public var id: Int64?
    public var at: Date
    /// Who made the change: a user's name, or `cli:NAME` for the command line run by the operating system's user NAME.
    public var actor: String
    /// The actor's role when they made the change; `nil` for the command line, which acts with the database
    /// file's permissions.
    public var role: Role?
    /// What was done: a use case's name (`users.add`, `tokens.revoke`) or a route (`PUT /api/v1/agreements/{id}`).
    public var action: String
    /// The kind of record changed: `user`, `token`, `agreement`, `incident`, …
    public var recordKind: String
    /// The record's id.
    public var recordID: String
    /// The record's content before the change, as JSON; `nil` for a record the change created.
    public var before: String?
    /// The record's content after the change, as JSON; `nil` for a record the change removed.
    public var after: String?
    /// The id of the request that made the change, to find it in the server's logs.
    public var requestID: String?

    public init(
        id: Int64? = nil, at: Date, actor: String, role: Role?, action: String, recordKind: String, recordID: String, before: String?,
        after: String?, requestID: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.role = role
        self.action = action
        self.recordKind = recordKind
        self.recordID = recordID
        self.before = before
        self.after = after
        self.requestID = requestID
    }
}

/// Which audit entries to list. Every filter left `nil` matches everything; entries come oldest first.
public struct AuditQuery: Hashable, Sendable {
    /// Entries by this actor (exactly, ignoring case).
    public var actor: String?
    /// Entries of this action (exactly).
    public var action: String?
    /// Entries made at or after this instant.
    public var since: Date?
    /// Entries about this kind of record.
    public var recordKind: String?
    /// Entries about the record with this id (with ``recordKind``, or of any kind).
    public var recordID: String?
    /// At most this many entries: the latest ones when set.
    public var limit: Int?

    public init(
        actor: String? = nil, action: String? = nil, since: Date? = nil, recordKind: String? = nil, recordID: String? = nil, limit: Int? = nil
    ) {
        self.actor = actor
        self.action = action
        self.since = since
        self.recordKind = recordKind
        self.recordID = recordID
        self.limit = limit
    }
}
