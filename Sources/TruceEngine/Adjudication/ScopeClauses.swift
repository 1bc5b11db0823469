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
        let reason = bound.isEmpty
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
        let covered = scope.targets.map { $0.subtypes.isEmpty ? $0.category.rawValue : "\($0.category.rawValue) (\($0.subtypes.joined(separator: ", ")))" }
            .joined(separator: "; ")
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
}

/// The action clause: was the force used of a prohibited kind?
enum ActionClause {
    static func check(_ incident: Incident, _ scope: Scope, explain: Bool) -> ClauseCheck {
        guard !scope.actions.isEmpty else { return ClauseCheck(.action, .pass, explain ? "the agreement prohibits every use of force" : "") }
        let prohibited = explain ? scope.actions.map(\.rawValue).joined(separator: ", ") : ""
        guard let action = incident.action else {
            return ClauseCheck(.action, .unknown, uncertainty: .missing, explain ? "how force was used is not reported; prohibited: \(prohibited)" : "")
        }
        guard explain else { return ClauseCheck(.action, scope.prohibits(action) ? .pass : .fail, "") }
        return scope.prohibits(action)
            ? ClauseCheck(.action, .pass, "\(action.rawValue) is prohibited")
            : ClauseCheck(.action, .fail, "\(action.rawValue) is not among the prohibited actions: \(prohibited)")
    }
}
