import Foundation

/// What linking and the evidence level read of one incident, worked out once from its decoded body and kept
/// beside it, so that linking a neighbourhood of the store reads these and never decodes an unchanged record
/// again.
public struct LinkRecord: Hashable, Sendable {
    /// How a record takes part in linking.
    public enum Role: String, Hashable, Sendable {
        /// Precise enough to be placed in one event with the records it fits.
        case member
        /// Too vague to be placed in one event: kept alone, noting the events it may describe.
        case vague
        /// Reports no hostile act: never linked.
        case apart
    }

    public var id: IncidentID
    /// The start of the time span, in seconds since 2001-01-01 UTC.
    public var start: Double
    /// The end of the time span, likewise; `nil` when open.
    public var end: Double?
    public var category: TargetCategory?
    public var subtype: String?
    /// The folded words of the target's name, without filler words, sorted; `nil` when none.
    public var targetWords: [String]?
    public var action: ActionType?
    public var country: String?
    public var coordinate: Coordinate?
    public var precision: GeoPrecision
    /// The region's code when known, else its normalised name.
    public var region: String?
    /// The locality's normalised name.
    public var place: String?
    /// The dataset of the record when it codes one row per event (ACLED).
    public var eventCodedDataset: String?
    public var role: Role
    /// The evidence level of the record's own claims: its level while it is alone in its event.
    public var ownLevel: EvidenceLevel
    /// Its claims without their source references (which no evidence level reads), for events of several
    /// records, in the compact text of ``encode(claims:)``: most records stay alone and never decode them.
    public var claimsText: String

    public init(
        id: IncidentID, start: Double, end: Double?, category: TargetCategory?, subtype: String?, targetWords: [String]?,
        action: ActionType?, country: String?, coordinate: Coordinate?, precision: GeoPrecision, region: String?, place: String?,
        eventCodedDataset: String?, role: Role, ownLevel: EvidenceLevel, claimsText: String
    ) {
        self.id = id
        self.start = start
        self.end = end
        self.category = category
        self.subtype = subtype
        self.targetWords = targetWords
        self.action = action
        self.country = country
        self.coordinate = coordinate
        self.precision = precision
        self.region = region
        self.place = place
        self.eventCodedDataset = eventCodedDataset
        self.role = role
        self.ownLevel = ownLevel
        self.claimsText = claimsText
    }

    /// The first UTC day the span touches, in days since 2001-01-01.
    public var firstDay: Int32 { Self.day(start) }

    /// The last UTC day the span touches (``firstDay`` for an empty span, `Int32.max` for an open one).
    public var lastDay: Int32 {
        guard let end, end.isFinite else { return .max }
        return max(firstDay, Self.day(end.nextDown))
    }

    /// The UTC day of an instant given in seconds since 2001-01-01, clamped to ±2·10⁹ days.
    public static func day(_ seconds: Double) -> Int32 {
        Int32(clamping: Int64(min(max((seconds / 86_400).rounded(.down), -2e9), 2e9)))
    }

    /// The claims of ``claimsText``.
    public var claims: [Claim] { Self.decode(claims: claimsText) }

    /// Claims as compact text: a line per claim, its claimant, party, accused and stance separated by tabs,
    /// a party given as `=` and its code (empty when none), backslashes, tabs and line breaks escaped. Read
    /// scalar by scalar, so that no combining mark can merge with a separator.
    public static func encode(claims: [Claim]) -> String {
        // Most claims hold nothing to escape: their fields are appended as they are, to one string.
        func plain(_ value: String) -> Bool { !value.utf8.contains { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A } }
        if claims.allSatisfy({ plain($0.claimant) && plain($0.claimantParty?.rawValue ?? "") && plain($0.accused?.rawValue ?? "") }) {
            var text = ""
            text.reserveCapacity(claims.reduce(0) { $0 + $1.claimant.utf8.count + 16 })
            for claim in claims {
                if !text.isEmpty { text.append("\n") }
                text.append(claim.claimant)
                text.append("\t")
                if let party = claim.claimantParty {
                    text.append("=")
                    text.append(party.rawValue)
                }
                text.append("\t")
                if let accused = claim.accused {
                    text.append("=")
                    text.append(accused.rawValue)
                }
                text.append("\t")
                text.append(claim.stance.letter)
            }
            return text
        }
        var text = String.UnicodeScalarView()
        func append(_ value: String) {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\\": text.append(contentsOf: "\\\\".unicodeScalars)
                case "\t": text.append(contentsOf: "\\t".unicodeScalars)
                case "\n": text.append(contentsOf: "\\n".unicodeScalars)
                default: text.append(scalar)
                }
            }
        }
        func append(party: PartyID?) {
            guard let party else { return }
            text.append("=")
            append(party.rawValue)
        }
        for (index, claim) in claims.enumerated() {
            if index > 0 { text.append("\n") }
            append(claim.claimant)
            text.append("\t")
            append(party: claim.claimantParty)
            text.append("\t")
            append(party: claim.accused)
            text.append("\t")
            text.append(contentsOf: claim.stance.letter.unicodeScalars)
        }
        return String(text)
    }

    /// The claims of text written by ``encode(claims:)``.
    public static func decode(claims text: String) -> [Claim] {
        guard !text.isEmpty else { return [] }
        var claims: [Claim] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var escape = false
        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
        }
        func endClaim() {
            endField()
            if fields.count == 4 {
                func party(_ text: String) -> PartyID? { text.isEmpty ? nil : PartyID(String(text.dropFirst())) }
                claims.append(
                    Claim(
                        claimant: fields[0], claimantParty: party(fields[1]), accused: party(fields[2]),
                        stance: Claim.Stance(letter: fields[3])))
            }
            fields.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if escape {
                field.append(scalar == "t" ? "\t" : scalar == "n" ? "\n" : scalar)
                escape = false
            } else if scalar == "\\" {
                escape = true
            } else if scalar == "\t" {
                endField()
            } else if scalar == "\n" {
                endClaim()
            } else {
                field.append(scalar)
            }
        }
        endClaim()
        return claims
    }
}

extension Claim.Stance {
    /// The stance's one letter in a link record's claims: `a`, `d`, `v`, `r` or `c`.
    var letter: String {
        switch self {
        case .assertion: "a"
        case .denial: "d"
        case .verification: "v"
        case .rejection: "r"
        case .corroboration: "c"
        }
    }

    /// The stance of a link record's letter; an unknown letter is an assertion.
    init(letter: String) {
        switch letter {
        case "d": self = .denial
        case "v": self = .verification
        case "r": self = .rejection
        case "c": self = .corroboration
        default: self = .assertion
        }
    }
}
