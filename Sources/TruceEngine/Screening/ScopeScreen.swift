import Foundation
import TruceCore

/// A first, coarse pass over an (incident, agreement) pair: does the incident fall inside the agreement's
/// window and scope at all? It answers `inScope`, `outOfScope`, or `uncertain` when missing or imprecise
/// data leaves a clause open. It does not judge violations.
public enum ScopeScreen {
    public enum Outcome: String, Hashable, Codable, Sendable {
        case inScope = "in_scope"
        case uncertain
        case outOfScope = "out_of_scope"
    }

    /// Screens `incident` against `agreement`'s outer window (every party's), geography, parties, targets
    /// and actions.
    public static func screen(_ incident: Incident, against agreement: Agreement) -> Outcome {
        screen(incident, against: agreement, window: agreement.outerSpan)
    }

    /// ``screen(_:against:)`` with the agreement's outer window (``Agreement/outerSpan``) worked out once, for
    /// screening many incidents against the same agreement.
    public static func screen(_ incident: Incident, against agreement: Agreement, window: TimeSpan?) -> Outcome {
        let checks = [
            time(incident, window: window), place(incident, agreement.scope), party(incident, agreement),
            target(incident, agreement.scope), action(incident, agreement.scope),
        ]
        if checks.contains(false) { return .outOfScope }
        if checks.contains(nil) { return .uncertain }
        return .inScope
    }

    /// Whether the incident's span overlaps the agreement's window; `nil` when it straddles an edge, or when its
    /// time is not stated and it was reported after the window opened.
    static func time(_ incident: Incident, window: TimeSpan?) -> Bool? {
        guard let window else { return false }
        let span = incident.time.span
        guard incident.time.isStated else { return span.end.map { window.start < $0 } ?? true ? nil : false }
        if window.encloses(span) { return true }
        return window.overlaps(span) ? nil : false
    }

    /// An incident in several countries is in scope when each is, out of scope when none is.
    static func place(_ incident: Incident, _ scope: Scope) -> Bool? {
        guard incident.location.spansSeveralCountries else { return place(incident.location, scope) }
        let answers = incident.location.countries.map { place(IncidentLocation(country: $0, precision: .country), scope) }
        return answers.allSatisfy { $0 == true } ? true : answers.allSatisfy { $0 == false } ? false : nil
    }

    private static func place(_ location: IncidentLocation, _ scope: Scope) -> Bool? {
        if scope.exclude.contains(where: { matches(location, $0) == true }) { return false }
        guard !scope.include.isEmpty else { return true }
        let answers = scope.include.map { matches(location, $0) }
        if answers.contains(true) { return true }
        return answers.contains(nil) ? nil : false
    }

    static func matches(_ location: IncidentLocation, _ area: GeoArea) -> Bool? {
        switch area.kind {
        case .country:
            return location.country.map { $0 == area.code }
        case .region:
            guard let country = location.country else { return nil }
            if country != area.countryCode { return false }
            guard let admin1 = location.admin1, let name = area.name else { return nil }
            return admin1.caseInsensitiveCompare(name) == .orderedSame
        case .sea, .polygon:
            return nil
        }
    }

    static func party(_ incident: Incident, _ agreement: Agreement) -> Bool? {
        guard let perpetrator = incident.perpetrator?.party else { return nil }
        return agreement.parties.contains { $0.isBelligerent && $0.id == perpetrator }  // no array of belligerents per incident
    }

    static func target(_ incident: Incident, _ scope: Scope) -> Bool? {
        guard let category = incident.target.category else { return scope.targets.isEmpty ? true : nil }
        return scope.covers(category: category, subtype: incident.target.subtype)
    }

    static func action(_ incident: Incident, _ scope: Scope) -> Bool? {
        guard let action = incident.action else { return scope.actions.isEmpty ? true : nil }
        return scope.prohibition(of: action)
    }
}

/// How many incidents fall in an agreement's window and scope.
public struct ScopeCount: Hashable, Codable, Sendable {
    /// Incidents overlapping the agreement's window.
    public var inWindow: Int
    /// Incidents clearly in window and scope.
    public var inScope: Int
    /// Incidents that may be in scope, pending missing or imprecise data.
    public var uncertain: Int

    public init(inWindow: Int = 0, inScope: Int = 0, uncertain: Int = 0) {
        self.inWindow = inWindow
        self.inScope = inScope
        self.uncertain = uncertain
    }

    /// Counts `incidents` against `agreement`.
    public static func count(_ incidents: [Incident], against agreement: Agreement) -> ScopeCount {
        var count = ScopeCount()
        let window = agreement.outerSpan
        for incident in incidents {
            if ScopeScreen.time(incident, window: window) != false { count.inWindow += 1 }
            switch ScopeScreen.screen(incident, against: agreement, window: window) {
            case .inScope: count.inScope += 1
            case .uncertain: count.uncertain += 1
            case .outOfScope: break
            }
        }
        return count
    }
}
