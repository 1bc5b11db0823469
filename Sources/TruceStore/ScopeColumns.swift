import TruceCore

/// What an incident's columns must hold for it to possibly fall in an agreement's scope: a necessary condition,
/// read by the store so that a page of an agreement's incidents reads few rows it then leaves out. An incident
/// whose column is empty (not reported) is always kept, as the scope screen keeps it as uncertain.
public struct ScopeColumns: Hashable, Sendable {
    /// The parties an incident may be attributed to, or `nil` for any.
    public var perpetrators: [PartyID]?
    /// The target categories an incident may have, or `nil` for any.
    public var categories: [TargetCategory]?
    /// The actions an incident may be, or `nil` for any.
    public var actions: [ActionType]?
    /// The countries an incident in one country may lie in, or `nil` for any; incidents in several countries
    /// are always kept.
    public var countries: [String]?

    public init(perpetrators: [PartyID]? = nil, categories: [TargetCategory]? = nil, actions: [ActionType]? = nil, countries: [String]? = nil) {
        self.perpetrators = perpetrators
        self.categories = categories
        self.actions = actions
        self.countries = countries
    }

    /// The columns of incidents `agreement`'s scope screen does not surely leave out: its belligerents, the
    /// categories and actions its scope may cover, and, when it is bounded by countries and regions only, their
    /// countries.
    public init(of agreement: Agreement) {
        let scope = agreement.scope
        perpetrators = agreement.belligerents.map(\.id)
        categories = scope.targets.isEmpty ? nil : TargetCategory.allCases.filter { scope.covers(category: $0, subtype: nil) != false }
        actions = scope.actions.isEmpty ? nil : ActionType.allCases.filter { scope.prohibition(of: $0) != false }
        let areas = scope.include.map(\.countryCode)
        countries = scope.include.isEmpty || areas.contains(nil) ? nil : Array(Set(areas.compactMap { $0 })).sorted()
    }
}
