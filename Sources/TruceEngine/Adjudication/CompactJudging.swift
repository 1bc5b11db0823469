import Foundation
import TruceCore

/// What the bulk run reads of an incident, 40 bytes, kept beside its position in each index list so that a
/// scan reads memory in order instead of jumping between full `Incident` values.
struct CompactIncident: Sendable {
    var start: Double
    var end: Double
    /// Code of the party the incident is attributed to, or -1.
    var party: Int32
    /// Code of the target subtype, or -1.
    var subtype: Int32
    /// Code of the first-level region the incident names (see ``CodeBook/region(named:)``), or -1.
    var region: Int32
    /// Index in `TargetCategory.allCases`, or -1.
    var category: Int8
    /// Index in `ActionType.allCases`, or -1.
    var action: Int8
    /// Index in `Outcome.allCases`, or -1.
    var outcome: Int8
    var hasCoordinate: Bool
    /// Whether the source states no time: the span is when it was reported.
    var unstated: Bool
    /// Whether a reviewer rejected the record (``Incident/isRejectedByReview``).
    var rejected: Bool

    init(_ incident: Incident, codes: inout CodeBook) {
        start = incident.time.span.start.timeIntervalSinceReferenceDate
        end = incident.time.span.end?.timeIntervalSinceReferenceDate ?? .infinity
        party = incident.perpetrator.map { codes.party($0.party) } ?? -1
        subtype = incident.target.subtype.map { codes.subtype($0) } ?? -1
        region = incident.location.admin1.map { codes.region(named: $0) } ?? -1
        category = incident.target.category.map { Int8(TargetCategory.allCases.firstIndex(of: $0)!) } ?? -1
        action = incident.action.map { Int8(ActionType.allCases.firstIndex(of: $0)!) } ?? -1
        outcome = incident.outcome.map { Int8(Outcome.allCases.firstIndex(of: $0)!) } ?? -1
        hasCoordinate = incident.location.coordinate != nil
        unstated = !incident.time.isStated
        rejected = incident.isRejectedByReview
    }
}

/// Small integer codes for parties, subtypes and first-level regions, shared by the incidents and the
/// agreements of one run.
struct CodeBook: Sendable {
    private(set) var parties: [PartyID: Int32] = [:]
    private(set) var subtypes: [String: Int32] = [:]
    /// Regions by what their names stand for (see ``RegionKey``).
    private(set) var regions: [RegionKey: Int32] = [:]
    /// Region codes by name as written, so that each name is folded once.
    private var regionsByName: [String: Int32] = [:]

    mutating func party(_ id: PartyID) -> Int32 {
        if let code = parties[id] { return code }
        let code = Int32(parties.count)
        parties[id] = code
        return code
    }

    mutating func subtype(_ name: String) -> Int32 {
        if let code = subtypes[name] { return code }
        let code = Int32(subtypes.count)
        subtypes[name] = code
        return code
    }

    /// The code of the first-level region named `admin1`, the name folded only the first time it is met.
    mutating func region(named admin1: String) -> Int32 {
        if let code = regionsByName[admin1] { return code }
        let key = RegionKey(admin1: admin1)
        let code = regions[key] ?? Int32(regions.count)
        regions[key] = code
        regionsByName[admin1] = code
        return code
    }
}

/// An agreement's terms in the codes of a ``CodeBook``, for judging compact incidents by exactly the rules of
/// the clause checks. Only agreements whose geography is a list of countries and regions without outlines,
/// with no exclusions, take this path (the index already picks incidents by country, and a region is told by
/// the name the incident gives it); the others, and incidents in several countries, are judged in full.
struct CompactAgreement: Sendable {
    struct Party: Sendable {
        var code: Int32
        var role: PartyRole
        var spans: [(start: Double, end: Double)]
        var ownWindow: Bool
        var rejected: Bool
    }

    let parties: [Party]
    let belligerents: [Int32]
    /// Each belligerent's binding periods, in seconds, for judging an act nobody is said to have done.
    let belligerentSpans: [[(start: Double, end: Double)]]
    let unilateral: Bool
    let general: (start: Double, end: Double)?
    let allTargets: Bool
    let wholeCategory: [Bool]
    let categoryListed: [Bool]
    let subtypes: [Set<Int32>]
    let allActions: Bool
    /// Per action, ``Scope/prohibition(of:)``: 1 prohibited, 0 not, -1 it may be.
    let prohibited: [Int8]
    let attempts: AttemptRule
    let hasExceptions: Bool
    /// The countries the geography covers whole.
    let wholeCountries: Set<String>
    /// The region areas of the geography, by the country they lie in.
    let regions: [String: [CompactRegion]]
    /// The compact code of ``ActionType/noHostileAct``.
    static let noHostileAct = Int8(ActionType.allCases.firstIndex(of: .noHostileAct)!)

    /// `nil` when the agreement's geography needs the full place check.
    init?(_ prepared: PreparedAgreement, codes: CodeBook) {
        let agreement = prepared.agreement
        let scope = agreement.scope
        guard scope.exclude.isEmpty, !scope.include.isEmpty, prepared.countries != nil,
            scope.include.allSatisfy({ $0.kind == .country || ($0.kind == .region && $0.ring.isEmpty) })
        else { return nil }
        var wholeCountries = Set<String>()
        var regions: [String: [CompactRegion]] = [:]
        for area in scope.include {
            guard let country = area.countryCode else { return nil }
            if area.kind == .country {
                wholeCountries.insert(country)
            } else {
                regions[country, default: []].append(codes.compactRegion(area))
            }
        }
        (self.wholeCountries, self.regions) = (wholeCountries, regions)
        func seconds(_ span: TimeSpan) -> (Double, Double) {
            (span.start.timeIntervalSinceReferenceDate, span.end?.timeIntervalSinceReferenceDate ?? .infinity)
        }
        parties = agreement.parties.map { party in
            Party(
                code: codes.parties[party.id] ?? -2, role: party.role, spans: prepared.bindingSpans(for: party.id).map(seconds),
                ownWindow: prepared.ownWindows[party.id] != nil, rejected: prepared.rejected.contains(party.id))
        }
        belligerents = prepared.belligerents.map { codes.parties[$0] ?? -2 }
        belligerentSpans = prepared.belligerents.map { prepared.bindingSpans(for: $0).map(seconds) }
        unilateral = agreement.kind == .unilateral
        general = prepared.general.map(seconds)
        allTargets = scope.targets.isEmpty
        var whole = [Bool](repeating: false, count: TargetCategory.allCases.count)
        var listed = whole
        var subtypes = [Set<Int32>](repeating: [], count: TargetCategory.allCases.count)
        for target in scope.targets {
            let index = TargetCategory.allCases.firstIndex(of: target.category)!
            listed[index] = true
            if target.subtypes.isEmpty { whole[index] = true }
            for subtype in target.subtypes { if let code = codes.subtypes[subtype] { subtypes[index].insert(code) } }
        }
        (wholeCategory, categoryListed, self.subtypes) = (whole, listed, subtypes)
        allActions = scope.actions.isEmpty
        prohibited = ActionType.allCases.map { action in scope.prohibition(of: action).map { $0 ? 1 : 0 } ?? -1 }
        attempts = scope.attempts
        hasExceptions = !scope.exceptions.isEmpty
    }

    /// The place clause for incidents in `country`, one of the agreement's countries.
    func place(inCountry country: String) -> CompactPlace {
        wholeCountries.contains(country) ? .wholeCountry : .regions(regions[country] ?? [])
    }

    /// The same outcomes as ``Adjudicator/outcomes(for:under:)``, for an incident in one of the agreement's
    /// countries or of unknown country, whose place clause is `place`.
    func outcomes(_ incident: CompactIncident, place: CompactPlace) -> (VerdictKind, ClauseOutcomes) {
        var outcomes = ClauseOutcomes()
        // Relevance: a record of no hostile act, or one rejected in review, is out of scope before any clause.
        if incident.action == Self.noHostileAct || incident.rejected { return (.outOfScope, outcomes) }
        // Party.
        var perpetrator: Party?
        if incident.party < 0 {
            // Unattributed: bound whoever did it when every belligerent was bound throughout its time.
            let everyoneBound =
                !belligerentSpans.isEmpty
                && belligerentSpans.allSatisfy { spans in
                    spans.contains { incident.start >= $0.start && incident.end <= $0.end }
                }
            if !everyoneBound { outcomes.party = ClauseCheck(.party, .unknown, uncertainty: .unattributed, "") }
        } else {
            for party in parties where party.code == incident.party { perpetrator = party }
            let bound: Bool
            switch perpetrator?.role {
            case nil: bound = false
            case .party?: bound = unilateral || !perpetrator!.rejected
            case .addressee?: bound = !perpetrator!.spans.isEmpty
            case .mediator?, .guarantor?, .monitor?: bound = false
            }
            if !bound {
                outcomes.party = ClauseCheck(.party, .fail, "")
                return (.outOfScope, outcomes)
            }
        }
        // Place: the index chose this incident by one of the agreement's countries, or it has none.
        if let check = place.check(incident) {
            outcomes.place = check
            if check.outcome == .fail { return (.outOfScope, outcomes) }
        }
        // Time.
        outcomes.time = time(incident, perpetrator: perpetrator)
        if outcomes.time.outcome == .fail { return (.outOfScope, outcomes) }
        // Target.
        if !allTargets {
            if incident.category < 0 {
                outcomes.target = ClauseCheck(.target, .unknown, uncertainty: .missing, "")
            } else {
                let category = Int(incident.category)
                if wholeCategory[category] {
                } else if !categoryListed[category] {
                    outcomes.target = ClauseCheck(.target, .fail, "")
                } else if incident.subtype < 0 {
                    outcomes.target = ClauseCheck(.target, .unknown, uncertainty: .missing, "")
                } else if !subtypes[category].contains(incident.subtype) {
                    outcomes.target = ClauseCheck(.target, .fail, "")
                }
            }
        }
        outcomes.action = action(incident)
        outcomes.hasExceptions = hasExceptions
        return (outcomes.kind, outcomes)
    }

    /// The action clause as ``ActionClause`` decides it: the kind of force, then the outcome where attempts
    /// do not simply violate.
    private func action(_ incident: CompactIncident) -> ClauseCheck {
        var kind = ClauseCheck(.action, .pass, "")
        if !allActions {
            if incident.action < 0 {
                kind = ClauseCheck(.action, .unknown, uncertainty: .missing, "")
            } else {
                switch prohibited[Int(incident.action)] {
                case 0: return ClauseCheck(.action, .fail, "")
                case -1: kind = ClauseCheck(.action, .unknown, uncertainty: .imprecise, "")
                default: break
                }
            }
        }
        guard attempts != .violate else { return kind }
        let result: ClauseCheck
        if incident.outcome == Self.hit {
            result = ClauseCheck(.action, .pass, "")
        } else if incident.outcome == Self.intercepted || incident.outcome == Self.attempted {
            if attempts == .permitted { return ClauseCheck(.action, .fail, "") }
            result = ClauseCheck(.action, .unknown, uncertainty: .disputed, "")
        } else {
            result = ClauseCheck(.action, .unknown, uncertainty: .missing, "")
        }
        if kind.uncertainty == .missing { return kind }
        if result.uncertainty == .missing { return result }
        return kind.outcome == .unknown ? kind : result
    }

    private static let hit = Int8(Outcome.allCases.firstIndex(of: .hit)!)
    private static let intercepted = Int8(Outcome.allCases.firstIndex(of: .intercepted)!)
    private static let attempted = Int8(Outcome.allCases.firstIndex(of: .attempted)!)

    private func time(_ incident: CompactIncident, perpetrator: Party?) -> ClauseCheck {
        if incident.unstated {
            // Reported by its end: it may lie in any binding period that began before.
            func reaches(_ party: Party) -> Bool { party.spans.contains { $0.start < incident.end } }
            var reached = false
            if let perpetrator {
                reached = reaches(perpetrator)
            } else if incident.party < 0 {
                for code in belligerents { for party in parties where party.code == code && reaches(party) { reached = true } }
            }
            return reached ? ClauseCheck(.time, .unknown, uncertainty: .missing, "") : ClauseCheck(.time, .fail, "")
        }
        var straddled = false
        func scan(_ party: Party) -> Bool {
            for span in party.spans {
                if incident.start >= span.start && incident.end <= span.end { return true }
                if incident.start < span.end && span.start < incident.end { straddled = true }
            }
            return false
        }
        if let perpetrator {
            if scan(perpetrator) { return ClauseCheck(.time, .pass, "") }
        } else if incident.party < 0 {
            for code in belligerents {
                for party in parties where party.code == code { if scan(party) { return ClauseCheck(.time, .pass, "") } }
            }
        }
        if straddled { return ClauseCheck(.time, .unknown, uncertainty: .imprecise, "") }
        if let perpetrator, perpetrator.ownWindow, let general, incident.start < general.end, general.start < incident.end {
            for code in belligerents where code != perpetrator.code {
                for party in parties where party.code == code {
                    if party.spans.contains(where: { incident.start < $0.end && $0.start < incident.end }) {
                        return ClauseCheck(.time, .unknown, uncertainty: .disputed, "")
                    }
                }
            }
        }
        return ClauseCheck(.time, .fail, "")
    }
}
