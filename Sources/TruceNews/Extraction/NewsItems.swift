import Foundation
import TruceCore

/// What an article states, as extraction proposes it for an analyst to accept or correct: each item tied to the
/// sentence it came from, with a confidence between 0 and 1.
public struct ArticleExtraction: Sendable, Codable {
    public var url: String?
    public var title: String?
    public var file: String
    public var line: Int
    public var published: Date
    public var language: NewsLanguage
    public var items: [NewsItem]
}

/// One thing an article states.
public enum NewsItem: Sendable, Codable, Hashable {
    case incident(IncidentMention)
    case agreementEvent(AgreementEventMention)
    case condition(ConditionMention)

    private enum CodingKeys: String, CodingKey { case kind }

    /// Encoded as the item's own fields beside `"kind"`: `incident`, `agreement_event` or `condition`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .incident(let item):
            try container.encode("incident", forKey: .kind)
            try item.encode(to: encoder)
        case .agreementEvent(let item):
            try container.encode("agreement_event", forKey: .kind)
            try item.encode(to: encoder)
        case .condition(let item):
            try container.encode("condition", forKey: .kind)
            try item.encode(to: encoder)
        }
    }

    public init(from decoder: any Decoder) throws {
        let kind = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .kind)
        switch kind {
        case "incident": self = .incident(try IncidentMention(from: decoder))
        case "agreement_event": self = .agreementEvent(try AgreementEventMention(from: decoder))
        case "condition": self = .condition(try ConditionMention(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: try decoder.container(keyedBy: CodingKeys.self), debugDescription: "unknown kind \(kind)")
        }
    }

    /// The sentence it came from.
    public var sentence: SentenceReference {
        switch self {
        case .incident(let item): item.sentence
        case .agreementEvent(let item): item.sentence
        case .condition(let item): item.sentence
        }
    }
}

/// The sentence an item came from: its span in the article's text, and the text itself.
public struct SentenceReference: Sendable, Codable, Hashable {
    public var span: TextSpan
    public var text: String
}

/// An attack the article reports, as someone's claim (or the outlet's own report).
public struct IncidentMention: Sendable, Codable, Hashable {
    public var sentence: SentenceReference
    public var action: ActionType?
    public var target: TargetCategory?
    public var targetSubtype: String?
    public var place: PlaceMention?
    public var time: TimeMention?
    /// Who is said to have done it; for a denial, who is said not to have.
    public var accused: PartyID?
    /// Who says so, as the text names them; `nil` when it is the outlet's own voice.
    public var claimant: String?
    public var claimantParty: PartyID?
    public var stance: Claim.Stance
    public var fatalities: Int?
    public var injured: Int?
    /// The count of an aggregate ("14 drone attacks in 24 hours"), kept as one claim, not split into events.
    public var aggregateCount: Int?
    public var confidence: Double
}

/// A place an item names, as resolved through the gazetteer.
public struct PlaceMention: Sendable, Codable, Hashable {
    /// As written.
    public var text: String
    /// The resolved place's name, region and country; `nil` when the name is ambiguous or unknown.
    public var name: String?
    public var admin1: String?
    public var country: String?
    public var latitude: Double?
    public var longitude: Double?
    public var precision: GeoPrecision
    /// How many places the name could be, when the text does not decide between them.
    public var candidates: Int
}

/// When an item happened, as a span read from the text and the publication time.
public struct TimeMention: Sendable, Codable, Hashable {
    /// The words it was read from.
    public var text: String
    public var span: TimeSpan
    public var precision: TimePrecision
    /// The zone its days were counted in.
    public var zone: String
    /// The local dates the span covers, first and last (inclusive).
    public var from: String
    public var to: String
}

/// A step in an agreement's life the article reports: proposed, accepted, rejected, an order to halt, talks.
public struct AgreementEventMention: Sendable, Codable, Hashable {
    public enum Event: String, Sendable, Codable, Hashable, CaseIterable {
        case proposed, accepted, rejected, suspended, extended, expired, collapsed
        case inForce = "in_force"
        case orderToHalt = "order_to_halt"
        case talksAnnounced = "talks_announced"
    }

    public var sentence: SentenceReference
    public var event: Event
    /// The catalogue agreement it concerns, when one matches; otherwise a draft for an analyst.
    public var agreement: AgreementID?
    public var party: PartyID?
    public var confidence: Double
}

/// A demand or condition a party states.
public struct ConditionMention: Sendable, Codable, Hashable {
    public var sentence: SentenceReference
    public var party: PartyID?
    /// The catalogue condition it matches (e.g. `ru-end-foreign-military-aid-and-intelligence`), or `nil` for a new one.
    public var condition: String?
    public var agreement: AgreementID?
    public var confidence: Double
}
