import Foundation
import TruceCore

/// An agreement with what every clause check needs worked out once: each party's binding periods, its own
/// window, the outer span, and the countries its geography names. Judging a million incidents against it
/// then costs no repeated status-history walks.
public struct PreparedAgreement: Sendable {
    public let agreement: Agreement
    /// When any belligerent was bound; `nil` when nobody ever was.
    public let outer: TimeSpan?
    /// The agreement's own window, as written.
    let general: TimeSpan?
    /// Each party's binding periods (a short list: compared, not hashed, as it is read for every pair).
    let binding: [(party: PartyID, spans: [TimeSpan])]
    /// The windows of parties that hold their own.
    let ownWindows: [PartyID: TimeSpan]
    let belligerents: [PartyID]
    let rejected: [PartyID]
    /// The countries the included areas lie in, or `nil` when some area (a sea, a polygon) or no area at all
    /// leaves the place open.
    public let countries: Set<String>?
    /// The outlines that place a point in the seas the geography names.
    public let seas: SeaOutlines
    /// The outlines that place a point of unknown country (see ``Adjudicator/countries``).
    public let countryOutlines: CountryOutlines

    /// - Parameters:
    ///   - seas: the outlines of the seas (see ``Adjudicator/seas``); without them a `sea:` area cannot
    ///     place a point.
    ///   - countries: country outlines (see ``Adjudicator/countries``); without them a point of unknown
    ///     country stays open for a country or region area.
    public init(_ agreement: Agreement, seas: SeaOutlines = SeaOutlines(), countries: CountryOutlines = CountryOutlines()) {
        self.agreement = agreement
        self.seas = seas
        countryOutlines = countries
        outer = agreement.outerSpan
        general = agreement.span
        belligerents = agreement.belligerents.map(\.id)
        var binding: [(party: PartyID, spans: [TimeSpan])] = []
        var own: [PartyID: TimeSpan] = [:]
        for party in agreement.parties.map(\.id) {
            binding.append((party, agreement.bindingSpans(for: party)))
            if agreement.hasOwnWindow(party), let span = agreement.span(for: party) { own[party] = span }
        }
        self.binding = binding
        ownWindows = own
        rejected = agreement.statusHistory.filter { $0.status == .rejected }.compactMap(\.party)
        let areas = agreement.scope.include
        let codes = areas.compactMap(\.countryCode)
        self.countries = !areas.isEmpty && codes.count == areas.count ? Set(codes) : nil
    }

    /// The binding periods of `party`.
    func bindingSpans(for party: PartyID) -> [TimeSpan] {
        for entry in binding where entry.party == party { return entry.spans }
        return []
    }
}
