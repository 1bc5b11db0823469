import TruceCore

/// The party clause: is the perpetrator, as attributed, bound by the agreement at all?
///
/// A hostile act no source attributes is still counted, as monitors count every violation whether or not they
/// can attribute it: when every belligerent was bound throughout the incident's time, whoever did it was bound
/// (a violation by an unknown party); when only some were, it may have been one of them (a possible violation).
enum PartyClause {
    static func check(_ incident: Incident, _ prepared: PreparedAgreement, explain: Bool) -> ClauseCheck {
        guard let attribution = incident.perpetrator else { return unattributed(incident, prepared, explain: explain) }
        let agreement = prepared.agreement
        let party = attribution.party
        var by: String { "\(party) (as attributed by \(attribution.attributedBy))" }
        guard let role = agreement.party(party)?.role else {
            let named = explain ? agreement.belligerents.map(\.id.rawValue).joined(separator: ", ") : ""
            return ClauseCheck(.party, .fail, explain ? "\(by) is not a party to the agreement (parties: \(named))" : "")
        }
        switch role {
        case .party:
            if agreement.kind == .unilateral || !prepared.rejected.contains(party) {
                return ClauseCheck(.party, .pass, explain ? "\(by) is a bound party" : "")
            }
            return ClauseCheck(.party, .fail, explain ? "\(by) rejected the agreement" : "")
        case .addressee:
            if !prepared.bindingSpans(for: party).isEmpty {
                return ClauseCheck(.party, .pass, explain ? "\(by) was offered the agreement and held itself bound" : "")
            }
            let declarants = explain ? agreement.parties.filter { $0.role == .party }.map(\.id.rawValue).joined(separator: ", ") : ""
            return ClauseCheck(.party, .fail, explain ? "\(by) is not bound: the \(agreement.kind.rawValue) agreement binds only \(declarants)" : "")
        case .mediator, .guarantor, .monitor:
            return ClauseCheck(.party, .fail, explain ? "\(by) is a \(role.rawValue), not a belligerent bound by the agreement" : "")
        }
    }
}

extension PartyClause {
    static func unattributed(_ incident: Incident, _ prepared: PreparedAgreement, explain: Bool) -> ClauseCheck {
        let span = incident.time.span
        let belligerents = prepared.belligerents
        let bound = belligerents.filter { party in prepared.bindingSpans(for: party).contains { $0.encloses(span) } }
        if !belligerents.isEmpty && bound.count == belligerents.count {
            return ClauseCheck(
                .party, .pass,
                explain
                    ? "no source names a perpetrator, and every belligerent (\(names(bound))) was bound throughout the incident's time: "
                        + "a violation by an unknown party" : "")
        }
        guard explain else { return ClauseCheck(.party, .unknown, uncertainty: .unattributed, "") }
        let reason =
            bound.isEmpty
            ? "no source names a perpetrator, and no belligerent was bound throughout the incident's time"
            : "no source names a perpetrator, and only \(names(bound)) of \(names(belligerents)) was bound then: it may have been another party"
        return ClauseCheck(.party, .unknown, uncertainty: .unattributed, reason)
    }

    private static func names(_ parties: [PartyID]) -> String { parties.map(\.rawValue).joined(separator: ", ") }
}

/// The target clause: is what was struck among the covered targets?
enum TargetClause {
    static func check(_ incident: Incident, _ scope: Scope, explain: Bool) -> ClauseCheck {
        guard !scope.targets.isEmpty else { return ClauseCheck(.target, .pass, explain ? "the agreement covers every target" : "") }
        guard explain else {
            guard let category = incident.target.category else { return ClauseCheck(.target, .unknown, uncertainty: .missing, "") }
            switch scope.covers(category: category, subtype: incident.target.subtype) {
            case true?: return ClauseCheck(.target, .pass, "")
            case false?: return ClauseCheck(.target, .fail, "")
            case nil: return ClauseCheck(.target, .unknown, uncertainty: .missing, "")
            }
        }
        let covered = describe(scope.targets)
        guard let category = incident.target.category else {
            return ClauseCheck(.target, .unknown, uncertainty: .missing, "the target is not reported; covered: \(covered)")
        }
        let target = category.rawValue + (incident.target.subtype.map { "/\($0)" } ?? "") + (incident.target.name.map { " (\($0))" } ?? "")
        switch scope.covers(category: category, subtype: incident.target.subtype) {
        case true?: return ClauseCheck(.target, .pass, "\(target) is covered: \(covered)")
        case false?: return ClauseCheck(.target, .fail, "\(target) is not covered: \(covered)")
        case nil: return ClauseCheck(.target, .unknown, uncertainty: .missing, "\(target): the kind of facility is not reported; covered: \(covered)")
        }
    }

    /// `energy (refinery, dam)`, `energy (all, including refinery, dam)` or `energy`: the entries of one whole
    /// category told once, with every subtype they name.
    private static func describe(_ targets: [TargetScope]) -> String {
        var parts: [String] = []
        var whole: [TargetCategory: [String]] = [:]
        for target in targets {
            guard target.isWholeCategory else {
                parts.append("\(target.category.rawValue) (\(target.subtypes.joined(separator: ", ")))")
                continue
            }
            if whole[target.category] == nil { parts.append(target.category.rawValue) }
            whole[target.category, default: []] += target.including.filter { !(whole[target.category] ?? []).contains($0) }
        }
        return parts.map { part in
            guard let category = TargetCategory(rawValue: part), let named = whole[category], !named.isEmpty else { return part }
            return "\(part) (all, including \(named.joined(separator: ", ")))"
        }.joined(separator: "; ")
    }
}

/// The action clause: was the force used of a prohibited kind, and, where the agreement says an attempt does not
/// simply violate it, did it strike?
///
/// The kind of force gives pass, fail, unknown (`missing`: not reported) or unknown (`imprecise`: a strike of
/// unstated weapon where only some strike kinds are prohibited). Under `attempts: possible` or `permitted` the
/// outcome then counts: a hit passes; an intercepted or failed attempt is unknown (`disputed`) or fails; an
/// outcome not reported is unknown (`missing`). The two combine as: a failure, else missing, else imprecise,
/// else disputed, else pass.
enum ActionClause {
    static func check(_ incident: Incident, _ scope: Scope, explain: Bool) -> ClauseCheck {
        let kind = kindCheck(incident, scope, explain: explain)
        guard scope.attempts != .violate, kind.outcome != .fail else { return kind }
        let result = outcomeCheck(incident, scope, explain: explain)
        if result.outcome == .fail { return result }
        if kind.uncertainty == .missing || result.uncertainty == .missing {
            return kind.uncertainty == .missing ? kind : result
        }
        if kind.outcome == .unknown { return kind }
        if result.outcome == .unknown { return result }
        return explain ? ClauseCheck(.action, .pass, "\(kind.reason); \(result.reason)") : kind
    }

    private static func kindCheck(_ incident: Incident, _ scope: Scope, explain: Bool) -> ClauseCheck {
        guard !scope.actions.isEmpty else { return ClauseCheck(.action, .pass, explain ? "the agreement prohibits every use of force" : "") }
        let prohibited = explain ? scope.actions.map(\.rawValue).joined(separator: ", ") : ""
        guard let action = incident.action else {
            return ClauseCheck(
                .action, .unknown, uncertainty: .missing, explain ? "how force was used is not reported; prohibited: \(prohibited)" : "")
        }
        switch scope.prohibition(of: action) {
        case true?:
            return ClauseCheck(
                .action, .pass,
                explain ? "\(action.rawValue) is prohibited" + (scope.actions.contains(action) ? "" : " (prohibited: \(prohibited))") : "")
        case false?:
            return ClauseCheck(.action, .fail, explain ? "\(action.rawValue) is not among the prohibited actions: \(prohibited)" : "")
        case nil:
            return ClauseCheck(
                .action, .unknown, uncertainty: .imprecise,
                explain ? "a strike whose weapon is not stated may be of a prohibited kind or not (prohibited: \(prohibited))" : "")
        }
    }

    private static func outcomeCheck(_ incident: Incident, _ scope: Scope, explain: Bool) -> ClauseCheck {
        let rule = "the agreement holds attempts \(scope.attempts == .permitted ? "permitted" : "possible violations")"
        switch incident.outcome {
        case .hit?:
            return ClauseCheck(.action, .pass, explain ? "it struck its target (\(rule))" : "")
        case let attempt? where attempt.isAttempt:
            if scope.attempts == .permitted {
                return ClauseCheck(.action, .fail, explain ? "it was \(attempt.rawValue), not a hit, and \(rule)" : "")
            }
            return ClauseCheck(.action, .unknown, uncertainty: .disputed, explain ? "it was \(attempt.rawValue), not a hit, and \(rule)" : "")
        default:
            return ClauseCheck(.action, .unknown, uncertainty: .missing, explain ? "whether it struck its target is not reported, and \(rule)" : "")
        }
    }
}
